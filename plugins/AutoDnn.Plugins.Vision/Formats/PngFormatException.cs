namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>A PNG file that cannot be decoded; the message names the file and what is wrong.</summary>
public sealed class PngFormatException(string message) : FormatException(message);
