namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>A .npy file that cannot be read; the message names the file and what is wrong.</summary>
public sealed class NpyFormatException(string message) : FormatException(message);
