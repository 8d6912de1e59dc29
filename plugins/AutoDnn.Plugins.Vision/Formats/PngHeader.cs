using System.Buffers.Binary;

namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>The IHDR chunk of a PNG: size, bit depth, colour type, interlacing — validated on parse.</summary>
internal sealed record PngHeader(int Width, int Height, int BitDepth, int ColorType, bool Interlaced)
{
    /// <summary>Samples stored per pixel: 1 gray or palette index, 2 gray+alpha, 3 RGB, 4 RGBA.</summary>
    public int SamplesPerPixel => ColorType switch { 0 or 3 => 1, 4 => 2, 2 => 3, _ => 4 };

    /// <summary>Bytes per complete pixel as PNG's filters count them (at least 1).</summary>
    public int BytesPerPixelForFilter => Math.Max(1, SamplesPerPixel * BitDepth / 8);

    public static PngHeader Parse(ReadOnlySpan<byte> data, string name)
    {
        if (data.Length != 13) throw new PngFormatException($"{name}: IHDR has {data.Length} bytes, not 13");
        int width = BinaryPrimitives.ReadInt32BigEndian(data), height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
        int depth = data[8], color = data[9];
        if (width <= 0 || height <= 0 || (long)width * height > 1 << 28) throw new PngFormatException($"{name}: image size {width}×{height} is not supported");
        bool valid = color switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!valid) throw new PngFormatException($"{name}: colour type {color} with bit depth {depth} is not a valid PNG combination");
        if (data[10] != 0 || data[11] != 0) throw new PngFormatException($"{name}: unknown compression or filter method");
        if (data[12] > 1) throw new PngFormatException($"{name}: unknown interlace method {data[12]}");
        return new PngHeader(width, height, depth, color, data[12] == 1);
    }
}
