using System.Text;
using System.Text.Json;
using AutoDnn.Plugins.Vision.Formats;

namespace AutoDnn.Plugins.Vision.Tests.Formats;

public class NpyReaderTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "npy");
    private static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json"))).RootElement;

    public static TheoryData<string> Names => new(Expected.EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Read_EqualsNumpysValues(string name)
    {
        JsonElement want = Expected.GetProperty(name);
        NpyArray array = NpyReader.Read(Path.Combine(Folder, name + ".npy"));
        Assert.Equal(want.GetProperty("shape").EnumerateArray().Select(x => x.GetInt32()), array.Shape);
        Assert.Equal(want.GetProperty("descr").GetString(), array.DType);
        Assert.Equal(want.GetProperty("data").EnumerateArray().Select(x => (float)x.GetDouble()), array.Data);
    }

    [Fact]
    public void ForeignFilesAndDtypes_AreRefusedClearly()
    {
        Assert.Contains("not a .npy file", Assert.Throws<NpyFormatException>(() => NpyReader.Read("PK\u0003\u0004......"u8, "a.npz")).Message);
        string header = "{'descr': '<U5', 'fortran_order': False, 'shape': (2,), }";
        byte[] file = [0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, 0, .. Encoding.ASCII.GetBytes(header)];
        var e = Assert.Throws<NpyFormatException>(() => NpyReader.Read(file, "strings.npy"));
        Assert.Contains("strings.npy", e.Message);
        Assert.Contains("<U5", e.Message);
    }

    [Fact]
    public void PythonTwoLongSizesAreReadAndAMalformedShapeIsNamed()
    {
        static byte[] File(string shape, int dataBytes)
        {
            string header = $"{{'descr': '|u1', 'fortran_order': False, 'shape': {shape}, }}";
            return [0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, 0, .. Encoding.ASCII.GetBytes(header), .. new byte[dataBytes]];
        }

        Assert.Equal(new[] { 2, 3 }, NpyReader.Read(File("(2L, 3L)", 6), "py2.npy").Shape);
        var e = Assert.Throws<NpyFormatException>(() => NpyReader.Read(File("(2, x)", 6), "odd.npy"));
        Assert.Contains("odd.npy", e.Message);
        Assert.Contains("(2, x)", e.Message);
        Assert.Contains("odd.npy", Assert.Throws<NpyFormatException>(() => NpyReader.Read(File("(-2,)", 0), "odd.npy")).Message);
    }
}
