using System.Buffers.Binary;
using System.IO.Compression;

namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>
/// Reads IDX files (big-endian magic 0x0000_TTNN: TT = element type, NN = rank; then NN big-endian sizes; then data),
/// plain or gzip-compressed (.gz), as Debian's dataset-fashion-mnist ships them. Only unsigned bytes (0x08), the type
/// every MNIST-family file uses, are accepted; anything else is named in the error.
/// </summary>
public static class IdxReader
{
    /// <summary>Reads the file; with <paramref name="maxItems"/>, only the first items along dimension 0 (the rest is not read).</summary>
    public static IdxFile Read(string path, int? maxItems = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file {path} does not exist", path);
        using FileStream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        try
        {
            return Read(stream, path, maxItems);
        }
        catch (InvalidDataException e)
        {
            throw new IdxFormatException($"{path}: not a readable gzip stream ({e.Message})");
        }
    }

    public static IdxFile Read(Stream stream, string name, int? maxItems = null)
    {
        if (maxItems < 0) throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, "maxItems must be >= 0");
        Span<byte> header = stackalloc byte[4];
        ReadExactly(stream, header, name, "the 4-byte magic number");
        if (header[0] != 0 || header[1] != 0)
            throw new IdxFormatException($"{name}: not an IDX file (magic bytes {header[0]:x2} {header[1]:x2} {header[2]:x2} {header[3]:x2}; IDX starts with 00 00)");
        if (header[2] != 0x08)
            throw new IdxFormatException($"{name}: element type 0x{header[2]:x2} is not supported (only unsigned bytes, 0x08)");
        int rank = header[3];
        if (rank is < 1 or > 4) throw new IdxFormatException($"{name}: rank {rank} is out of range 1..4");
        var shape = new int[rank];
        Span<byte> size = stackalloc byte[4];
        long total = 1;
        for (int d = 0; d < rank; d++)
        {
            ReadExactly(stream, size, name, $"the size of dimension {d}");
            shape[d] = BinaryPrimitives.ReadInt32BigEndian(size);
            if (shape[d] < 0) throw new IdxFormatException($"{name}: dimension {d} has a negative size");
        }
        if (maxItems is int most && most < shape[0]) shape[0] = most;
        foreach (int s in shape) total *= s;
        if (total > int.MaxValue) throw new IdxFormatException($"{name}: {total} elements are too many for one array");
        if (stream.CanSeek && stream.Length - stream.Position < total)
            throw new IdxFormatException($"{name}: file ends early while reading {total} data bytes ({stream.Length - stream.Position} of {total} bytes follow the header)");
        var data = new byte[total];
        ReadExactly(stream, data, name, $"{total} data bytes");
        return new IdxFile(shape, data);
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string name, string what)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = stream.Read(buffer[read..]);
            if (n == 0) throw new IdxFormatException($"{name}: file ends early while reading {what} ({read} of {buffer.Length} bytes)");
            read += n;
        }
    }
}
