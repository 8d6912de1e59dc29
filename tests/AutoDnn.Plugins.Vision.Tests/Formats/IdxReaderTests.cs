using System.IO.Compression;
using AutoDnn.Plugins.Vision.Formats;

namespace AutoDnn.Plugins.Vision.Tests.Formats;

public class IdxReaderTests
{
    private static byte[] Idx(byte type, int[] shape, byte[] data)
    {
        var bytes = new List<byte> { 0, 0, type, (byte)shape.Length };
        foreach (int s in shape) bytes.AddRange(BitConverter.GetBytes(s).Reverse());
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    [Fact]
    public void ReadsPlainAndGzippedFiles()
    {
        byte[] data = Enumerable.Range(0, 24).Select(i => (byte)i).ToArray();
        string dir = Directory.CreateTempSubdirectory("idx").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "a-idx3-ubyte"), Idx(8, [2, 3, 4], data));
            using (var gz = new GZipStream(File.Create(Path.Combine(dir, "a-idx3-ubyte.gz")), CompressionLevel.Fastest))
                gz.Write(Idx(8, [2, 3, 4], data));
            foreach (string file in new[] { "a-idx3-ubyte", "a-idx3-ubyte.gz" })
            {
                IdxFile idx = IdxReader.Read(Path.Combine(dir, file));
                Assert.Equal(new[] { 2, 3, 4 }, idx.Shape);
                Assert.Equal(2, idx.Count);
                Assert.Equal(12, idx.ItemSize);
                Assert.Equal(data, idx.Data);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void BadFiles_SayWhatIsWrong()
    {
        Assert.Contains("not an IDX file", Assert.Throws<IdxFormatException>(() => IdxReader.Read(new MemoryStream([1, 2, 3, 4]), "x")).Message);
        Assert.Contains("element type 0x0d", Assert.Throws<IdxFormatException>(() => IdxReader.Read(new MemoryStream(Idx(0x0d, [1], [0, 0, 0, 0])), "f")).Message);
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.Read(new MemoryStream(Idx(8, [10], [1, 2, 3])), "short.idx"));
        Assert.Contains("short.idx", e.Message);
        Assert.Contains("3 of 10", e.Message);
    }

    [Fact]
    public void ReadsDebiansFashionMnist()
    {
        // ./build.sh installs Debian's dataset-fashion-mnist.
        IdxFile images = IdxReader.Read("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");
        IdxFile labels = IdxReader.Read("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz");
        Assert.Equal(new[] { 10_000, 28, 28 }, images.Shape);
        Assert.Equal(10_000, labels.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (byte)i), labels.Data.Distinct().Order());
    }
}
