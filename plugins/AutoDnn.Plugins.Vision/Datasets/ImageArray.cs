namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>
/// Images stored compactly in channel-first order ([N, C, H, W], bytes or floats as the file had them) with the factor
/// that turns a stored value into the unit range the normalisation is defined on (1/255 for 8-bit pixels).
/// </summary>
internal sealed class ImageArray
{
    private readonly byte[]? bytes;
    private readonly float[]? floats;

    public ImageArray(byte[] data, int channels, int height, int width, double unitScale) : this(data.Length, channels, height, width, unitScale) => bytes = data;

    public ImageArray(float[] data, int channels, int height, int width, double unitScale) : this(data.Length, channels, height, width, unitScale) => floats = data;

    private ImageArray(int length, int channels, int height, int width, double unitScale)
    {
        (Channels, Height, Width, UnitScale) = (channels, height, width, unitScale);
        SampleSize = channels * height * width;
        if (SampleSize <= 0 || length % SampleSize != 0)
            throw new ArgumentException($"{length} values do not make whole {channels}×{height}×{width} images");
        Count = length / SampleSize;
    }

    public int Count { get; }

    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }

    public int SampleSize { get; }

    /// <summary>Multiplies a stored value into the unit range (e.g. 1/255 for 8-bit pixels, 1/16 for the digits).</summary>
    public double UnitScale { get; }

    /// <summary>Writes image <paramref name="index"/> in unit range into <paramref name="destination"/> ([C, H, W]).</summary>
    public void ReadUnit(int index, Span<float> destination)
    {
        int start = index * SampleSize;
        float scale = (float)UnitScale;
        if (bytes is not null)
            for (int i = 0; i < SampleSize; i++) destination[i] = bytes[start + i] * scale;
        else
            for (int i = 0; i < SampleSize; i++) destination[i] = floats![start + i] * scale;
    }
}
