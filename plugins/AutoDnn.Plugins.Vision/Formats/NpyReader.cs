using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>
/// Reads NumPy .npy files (format versions 1–3): little- or big-endian float16/32/64, signed and unsigned integers
/// of 1–8 bytes and bools, C or Fortran order; values come back as float32 in C order.
/// </summary>
public static partial class NpyReader
{
    public static NpyArray Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($".npy file {path} does not exist", path);
        return Read(File.ReadAllBytes(path), path);
    }

    public static NpyArray Read(ReadOnlySpan<byte> file, string name)
    {
        if (file.Length < 10 || file[0] != 0x93 || !file.Slice(1, 5).SequenceEqual("NUMPY"u8))
            throw new NpyFormatException($"{name}: not a .npy file (no \\x93NUMPY magic)");
        int major = file[6];
        int headerLength, start;
        if (major == 1) { headerLength = BinaryPrimitives.ReadUInt16LittleEndian(file[8..]); start = 10; }
        else if (major is 2 or 3) { headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(file[8..]); start = 12; }
        else throw new NpyFormatException($"{name}: .npy format version {major} is not supported (1, 2 or 3)");
        if (start + headerLength > file.Length) throw new NpyFormatException($"{name}: header runs past the end of the file");
        string header = Encoding.UTF8.GetString(file.Slice(start, headerLength));

        string descr = Field(DescrPattern(), header, "descr", name);
        bool fortran = Field(OrderPattern(), header, "fortran_order", name) == "True";
        string shapeText = Field(ShapePattern(), header, "shape", name);
        // Python 2 wrote long sizes with an L suffix, e.g. (3L, 4L).
        int[] shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out int d)
                ? d : throw new NpyFormatException($"{name}: shape ({shapeText}) in the header is not a list of sizes"))
            .ToArray();
        long count = shape.Aggregate(1L, (a, b) => a * b);
        var (kind, size, bigEndian) = ParseDescr(descr, name);
        ReadOnlySpan<byte> data = file[(start + headerLength)..];
        if (data.Length < count * size) throw new NpyFormatException($"{name}: {data.Length} data bytes, but shape ({shapeText}) of {descr} needs {count * size}");

        var values = new float[count];
        for (long i = 0; i < count; i++) values[i] = Element(data.Slice((int)(i * size), size), kind, bigEndian);
        return new NpyArray(shape, descr, fortran && shape.Length > 1 ? ToCOrder(values, shape) : values);
    }

    private static (char Kind, int Size, bool BigEndian) ParseDescr(string descr, string name)
    {
        Match m = DescrParts().Match(descr);
        if (!m.Success) throw new NpyFormatException($"{name}: dtype '{descr}' is not supported (numbers and bools only)");
        char kind = m.Groups[2].Value[0];
        int size = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        bool ok = kind switch { 'f' => size is 2 or 4 or 8, 'i' or 'u' => size is 1 or 2 or 4 or 8, 'b' => size == 1, _ => false };
        if (!ok) throw new NpyFormatException($"{name}: dtype '{descr}' is not supported");
        return (kind, size, m.Groups[1].Value == ">");
    }

    private static float Element(ReadOnlySpan<byte> b, char kind, bool bigEndian)
    {
        Span<byte> v = stackalloc byte[b.Length];
        b.CopyTo(v);
        if (bigEndian != !BitConverter.IsLittleEndian) v.Reverse();
        return (kind, v.Length) switch
        {
            ('f', 2) => (float)BitConverter.ToHalf(v),
            ('f', 4) => BitConverter.ToSingle(v),
            ('f', 8) => (float)BitConverter.ToDouble(v),
            ('i', 1) => (sbyte)v[0],
            ('i', 2) => BitConverter.ToInt16(v),
            ('i', 4) => BitConverter.ToInt32(v),
            ('i', 8) => BitConverter.ToInt64(v),
            ('u', 1) or ('b', 1) => v[0],
            ('u', 2) => BitConverter.ToUInt16(v),
            ('u', 4) => BitConverter.ToUInt32(v),
            _ => BitConverter.ToUInt64(v),
        };
    }

    private static float[] ToCOrder(float[] fortran, int[] shape)
    {
        var result = new float[fortran.Length];
        var index = new int[shape.Length];
        for (int c = 0; c < result.Length; c++)
        {
            long f = 0, stride = 1;
            for (int d = 0; d < shape.Length; d++) { f += index[d] * stride; stride *= shape[d]; }
            result[c] = fortran[f];
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                if (++index[d] < shape[d]) break;
                index[d] = 0;
            }
        }
        return result;
    }

    private static string Field(Regex pattern, string header, string key, string name)
    {
        Match m = pattern.Match(header);
        return m.Success ? m.Groups[1].Value : throw new NpyFormatException($"{name}: header has no '{key}' ({header.Trim()})");
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")] private static partial Regex DescrPattern();
    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")] private static partial Regex OrderPattern();
    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")] private static partial Regex ShapePattern();
    [GeneratedRegex(@"^([<>|=]?)([fiub])(\d+)$")] private static partial Regex DescrParts();
}
