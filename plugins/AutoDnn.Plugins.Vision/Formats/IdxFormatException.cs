namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>An IDX file that cannot be read; the message names the file and what is wrong.</summary>
public sealed class IdxFormatException(string message) : FormatException(message);
