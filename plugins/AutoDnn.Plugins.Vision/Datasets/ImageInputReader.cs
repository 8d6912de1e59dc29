using AutoDnn.Plugins.Vision.Formats;

namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>
/// Reads unlabelled images for prediction as unit-range [C, H, W] arrays of a required shape: a PNG file, a folder of
/// PNG files (sorted by name), a NumPy .npy array, or an IDX images file (plain or .gz).
/// </summary>
internal static class ImageInputReader
{
    public const string Description = "a PNG file, a folder of PNG files, a .npy array ([H, W], [N, H, W] or [N, C, H, W]) or an IDX images file (.gz too)";

    /// <summary>Every image in <paramref name="path"/>; <paramref name="npyUnitScale"/> turns .npy values (in the dataset's own stored units) into the unit range.</summary>
    public static IReadOnlyList<float[]> Read(string path, int channels, int height, int width, double npyUnitScale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            string[] files = Directory.GetFiles(path, "*", SearchOption.TopDirectoryOnly)
                .Where(f => f.EndsWith(".png", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0) throw new FileNotFoundException($"folder {path} holds no .png files");
            return files.Select(f => FromPng(f, channels, height, width)).ToList();
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"input {path} does not exist (expected {Description})", path);
        if (path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) return [FromPng(path, channels, height, width)];
        if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase)) return FromNpy(path, channels, height, width, npyUnitScale);
        return FromIdx(path, channels, height, width);
    }

    private static float[] FromPng(string file, int channels, int height, int width)
    {
        PngImage image = PngDecoder.Decode(file);
        if (image.Height != height || image.Width != width)
            throw new InvalidDataException($"{file}: image is {image.Width}×{image.Height} (width×height), but this dataset's inputs are {width}×{height}");
        var bytes = new byte[channels * height * width];
        PixelLayout.ToChannelFirst(image, channels, bytes);
        return bytes.Select(b => b / 255f).ToArray();
    }

    private static List<float[]> FromNpy(string file, int channels, int height, int width, double unitScale)
    {
        NpyArray array = NpyReader.Read(file);
        int[] s = array.Shape;
        int count = (s.Length, channels) switch
        {
            (2, 1) when s[0] == height && s[1] == width => 1,
            (3, 1) when s[1] == height && s[2] == width => s[0],
            (3, _) when s[0] == channels && s[1] == height && s[2] == width => 1,
            (4, _) when s[1] == channels && s[2] == height && s[3] == width => s[0],
            _ => throw new InvalidDataException(
                $"{file}: array shape ({string.Join(", ", s)}) does not hold images of this dataset's shape [{channels}, {height}, {width}]"),
        };
        int size = channels * height * width;
        var result = new List<float[]>(count);
        for (int n = 0; n < count; n++)
            result.Add(array.Data.AsSpan(n * size, size).ToArray().Select(v => (float)(v * unitScale)).ToArray());
        return result;
    }

    private static List<float[]> FromIdx(string file, int channels, int height, int width)
    {
        IdxFile idx = IdxReader.Read(file);
        int[] s = idx.Shape;
        int count = (s.Length, channels) switch
        {
            (2, 1) when s[0] == height && s[1] == width => 1,
            (3, 1) when s[1] == height && s[2] == width => s[0],
            (4, _) when s[1] == channels && s[2] == height && s[3] == width => s[0],
            _ => throw new InvalidDataException(
                $"{file}: IDX shape [{string.Join(", ", s)}] does not hold images of this dataset's shape [{channels}, {height}, {width}] (a file that is not .png or .npy is read as IDX)"),
        };
        int size = channels * height * width;
        var result = new List<float[]>(count);
        for (int n = 0; n < count; n++)
            result.Add(idx.Data.AsSpan(n * size, size).ToArray().Select(b => b / 255f).ToArray());
        return result;
    }
}
