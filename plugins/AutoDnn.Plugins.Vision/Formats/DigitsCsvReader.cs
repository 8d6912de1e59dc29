using System.Globalization;
using System.IO.Compression;

namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>
/// Reads scikit-learn's <c>digits.csv.gz</c> (python3-sklearn ships it): no header, one image per line, 64 pixel values
/// 0–16 then the label 0–9, comma-separated; plain or gzip-compressed (.gz).
/// </summary>
public static class DigitsCsvReader
{
    private const int Fields = DigitsCsv.PixelsPerImage + 1;

    public static DigitsCsv Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"digits CSV file {path} does not exist", path);
        using FileStream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        try
        {
            return Read(new StreamReader(stream), path);
        }
        catch (InvalidDataException e)
        {
            throw new CsvFormatException($"{path}: not a readable gzip stream ({e.Message})");
        }
    }

    public static DigitsCsv Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var pixels = new List<byte>(1800 * DigitsCsv.PixelsPerImage);
        var labels = new List<int>(1800);
        int lineNumber = 0;
        while (reader.ReadLine() is string line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            string[] fields = line.Split(',');
            if (fields.Length != Fields)
                throw new CsvFormatException($"{name}: line {lineNumber} has {fields.Length} fields, expected {Fields} (64 pixels and a label)");
            for (int i = 0; i < Fields; i++)
            {
                if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value != Math.Floor(value))
                    throw new CsvFormatException($"{name}: line {lineNumber}, field {i + 1}: '{fields[i]}' is not a whole number");
                int max = i < DigitsCsv.PixelsPerImage ? DigitsCsv.MaxPixel : 9;
                if (value < 0 || value > max)
                    throw new CsvFormatException($"{name}: line {lineNumber}, field {i + 1}: {fields[i]} is outside 0..{max} ({(i < DigitsCsv.PixelsPerImage ? "a pixel" : "the label")})");
                if (i < DigitsCsv.PixelsPerImage) pixels.Add((byte)value);
                else labels.Add((int)value);
            }
        }
        if (labels.Count == 0) throw new CsvFormatException($"{name}: no rows (the file is empty)");
        return new DigitsCsv([.. pixels], [.. labels]);
    }
}
