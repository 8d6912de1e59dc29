using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AutoDnn.Plugins.Vision.Tests.Support;

/// <summary>Encoders for the small IDX, PNG and NPY files the loader tests write.</summary>
public static class TestFiles
{
    /// <summary>An unsigned-byte IDX file of the given shape.</summary>
    public static byte[] Idx(int[] shape, byte[] data)
    {
        var bytes = new List<byte> { 0, 0, 8, (byte)shape.Length };
        foreach (int s in shape)
        {
            var size = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(size, s);
            bytes.AddRange(size);
        }
        bytes.AddRange(data);
        return [.. bytes];
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(data);
        return output.ToArray();
    }

    /// <summary>An 8-bit PNG (colour type 0 gray, 2 RGB, 4 gray+alpha or 6 RGBA) of interleaved pixels, unfiltered.</summary>
    public static byte[] Png(int width, int height, int colorType, byte[] pixels)
    {
        int samples = colorType switch { 0 => 1, 4 => 2, 2 => 3, 6 => 4, _ => throw new ArgumentOutOfRangeException(nameof(colorType)) };
        if (pixels.Length != width * height * samples) throw new ArgumentException("pixel count does not match the size", nameof(pixels));
        var raw = new MemoryStream();
        for (int y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            raw.Write(pixels, y * width * samples, width * samples);
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw.ToArray());
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = (byte)colorType;
        var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A version-1 .npy file of little-endian values of the given dtype ("u1", "f4" or "i8").</summary>
    public static byte[] Npy(string dtype, int[] shape, double[] values)
    {
        string shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        string header = $"{{'descr': '{(dtype == "u1" ? "|" : "<")}{dtype}', 'fortran_order': False, 'shape': {shapeText}, }}";
        int total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
        var output = new MemoryStream();
        output.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        output.Write(length);
        output.Write(Encoding.ASCII.GetBytes(header));
        foreach (double v in values)
        {
            switch (dtype)
            {
                case "u1": output.WriteByte((byte)v); break;
                case "f4": output.Write(BitConverter.GetBytes((float)v)); break;
                case "i8": output.Write(BitConverter.GetBytes((long)v)); break;
                default: throw new ArgumentOutOfRangeException(nameof(dtype));
            }
        }
        return output.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var word = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, AutoDnn.Plugins.Vision.Formats.Crc32.Compute(typed));
        png.Write(word);
    }
}
