using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>
/// Decodes PNG files with the BCL only (zlib from System.IO.Compression): every colour type, bit depths 1–16,
/// palettes with transparency, Adam7 interlacing, chunk CRCs checked. 16-bit samples keep their high byte;
/// palette images become RGB (RGBA when a tRNS chunk is present).
/// </summary>
public static class PngDecoder
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static PngImage Decode(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"PNG file {path} does not exist", path);
        return Decode(File.ReadAllBytes(path), path);
    }

    public static PngImage Decode(ReadOnlySpan<byte> file, string name)
    {
        if (file.Length < 8 || !file[..8].SequenceEqual(Signature)) throw new PngFormatException($"{name}: not a PNG file (bad signature)");
        PngHeader? header = null;
        byte[]? palette = null, transparency = null;
        using var compressed = new MemoryStream();
        int at = 8;
        while (true)
        {
            if (at + 12 > file.Length) throw new PngFormatException($"{name}: file ends inside a chunk header (no IEND)");
            int length = BinaryPrimitives.ReadInt32BigEndian(file[at..]);
            if (length < 0 || at + 12L + length > file.Length) throw new PngFormatException($"{name}: chunk at byte {at} runs past the end of the file");
            string type = Encoding.ASCII.GetString(file.Slice(at + 4, 4));
            ReadOnlySpan<byte> data = file.Slice(at + 8, length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(file[(at + 8 + length)..]);
            if (Crc32.Compute(file.Slice(at + 4, 4 + length)) != crc) throw new PngFormatException($"{name}: chunk {type} at byte {at} fails its CRC (corrupt file)");
            at += 12 + length;
            switch (type)
            {
                case "IHDR": header = PngHeader.Parse(data, name); break;
                case "PLTE": palette = data.ToArray(); break;
                case "tRNS": transparency = data.ToArray(); break;
                case "IDAT": compressed.Write(data); break;
                case "IEND":
                    if (header is null) throw new PngFormatException($"{name}: no IHDR chunk");
                    return Build(header, Inflate(compressed, name), palette, transparency, name);
            }
        }
    }

    private static byte[] Inflate(MemoryStream compressed, string name)
    {
        compressed.Position = 0;
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        try { zlib.CopyTo(raw); }
        catch (InvalidDataException e) { throw new PngFormatException($"{name}: image data is not valid zlib ({e.Message})"); }
        return raw.ToArray();
    }

    private static PngImage Build(PngHeader h, byte[] raw, byte[]? palette, byte[]? transparency, string name)
    {
        if (h.ColorType == 3 && palette is null) throw new PngFormatException($"{name}: palette image without a PLTE chunk");
        var samples = new int[h.Width * h.Height * h.SamplesPerPixel];  // full-precision samples, row-major
        int offset = 0;
        foreach (var (x0, y0, dx, dy) in h.Interlaced ? Adam7Passes : [(0, 0, 1, 1)])
        {
            int passWidth = (h.Width - x0 + dx - 1) / dx, passHeight = (h.Height - y0 + dy - 1) / dy;
            if (passWidth == 0 || passHeight == 0) continue;
            int stride = (passWidth * h.SamplesPerPixel * h.BitDepth + 7) / 8;
            byte[] rows = Unfilter(raw, ref offset, stride, passHeight, h.BytesPerPixelForFilter, name);
            for (int py = 0; py < passHeight; py++)
                for (int px = 0; px < passWidth; px++)
                    for (int s = 0; s < h.SamplesPerPixel; s++)
                    {
                        int sampleIndex = px * h.SamplesPerPixel + s;
                        int target = ((y0 + py * dy) * h.Width + x0 + px * dx) * h.SamplesPerPixel + s;
                        samples[target] = ReadSample(rows, py * stride, sampleIndex, h.BitDepth);
                    }
        }
        return h.ColorType == 3 ? Expand(h, samples, palette!, transparency, name) : Scale(h, samples);
    }

    private static PngImage Scale(PngHeader h, int[] samples)
    {
        var pixels = new byte[samples.Length];
        for (int i = 0; i < samples.Length; i++)
            pixels[i] = h.BitDepth switch
            {
                16 => (byte)(samples[i] >> 8),
                8 => (byte)samples[i],
                _ => (byte)(samples[i] * 255 / ((1 << h.BitDepth) - 1)),
            };
        return new PngImage(h.Width, h.Height, h.SamplesPerPixel, pixels);
    }

    private static PngImage Expand(PngHeader h, int[] indices, byte[] palette, byte[]? transparency, string name)
    {
        int channels = transparency is null ? 3 : 4;
        var pixels = new byte[indices.Length * channels];
        for (int i = 0; i < indices.Length; i++)
        {
            int p = indices[i];
            if (p * 3 + 2 >= palette.Length) throw new PngFormatException($"{name}: palette index {p} is outside the {palette.Length / 3}-entry palette");
            pixels[i * channels] = palette[p * 3];
            pixels[i * channels + 1] = palette[p * 3 + 1];
            pixels[i * channels + 2] = palette[p * 3 + 2];
            if (channels == 4) pixels[i * channels + 3] = p < transparency!.Length ? transparency[p] : (byte)255;
        }
        return new PngImage(h.Width, h.Height, channels, pixels);
    }

    private static int ReadSample(byte[] rows, int rowStart, int sampleIndex, int bitDepth)
    {
        if (bitDepth == 8) return rows[rowStart + sampleIndex];
        if (bitDepth == 16) return rows[rowStart + sampleIndex * 2] << 8 | rows[rowStart + sampleIndex * 2 + 1];
        int bit = sampleIndex * bitDepth;
        int shift = 8 - bitDepth - bit % 8;
        return rows[rowStart + bit / 8] >> shift & ((1 << bitDepth) - 1);
    }

    // Reverses the per-row filters (None, Sub, Up, Average, Paeth) of one pass; returns the rows without filter bytes.
    private static byte[] Unfilter(byte[] raw, ref int offset, int stride, int height, int bpp, string name)
    {
        if (offset + (long)(stride + 1) * height > raw.Length) throw new PngFormatException($"{name}: image data is shorter than the header promises");
        var rows = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[offset++];
            int row = y * stride, prior = row - stride;
            for (int x = 0; x < stride; x++)
            {
                int a = x >= bpp ? rows[row + x - bpp] : 0;
                int b = y > 0 ? rows[prior + x] : 0;
                int c = x >= bpp && y > 0 ? rows[prior + x - bpp] : 0;
                int value = raw[offset++];
                rows[row + x] = (byte)(filter switch
                {
                    0 => value,
                    1 => value + a,
                    2 => value + b,
                    3 => value + (a + b) / 2,
                    4 => value + Paeth(a, b, c),
                    _ => throw new PngFormatException($"{name}: row {y} uses unknown filter type {filter}"),
                });
            }
        }
        return rows;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static readonly (int X0, int Y0, int Dx, int Dy)[] Adam7Passes =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
}
