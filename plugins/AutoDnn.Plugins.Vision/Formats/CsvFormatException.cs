namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>A CSV file that cannot be read; the message names the file, the line and what is wrong.</summary>
public sealed class CsvFormatException(string message) : FormatException(message);
