using System.Text.Json;
using AutoDnn.Plugins.Vision.Formats;

namespace AutoDnn.Plugins.Vision.Tests.Formats;

public class PngDecoderTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "png");
    private static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json"))).RootElement;

    public static TheoryData<string> Names => new(Expected.EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Decode_GivesThePixelsTheEncoderWrote(string name)
    {
        JsonElement want = Expected.GetProperty(name);
        PngImage image = PngDecoder.Decode(Path.Combine(Folder, name + ".png"));
        Assert.Equal(want.GetProperty("width").GetInt32(), image.Width);
        Assert.Equal(want.GetProperty("height").GetInt32(), image.Height);
        Assert.Equal(want.GetProperty("channels").GetInt32(), image.Channels);
        Assert.Equal(want.GetProperty("pixels").EnumerateArray().Select(p => (byte)p.GetInt32()), image.Pixels);
    }

    [Fact]
    public void CorruptChunk_IsNamedWithFileAndChunk()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Folder, "rgb8.png"));
        bytes[^20] ^= 0xFF; // inside IDAT
        var e = Assert.Throws<PngFormatException>(() => PngDecoder.Decode(bytes, "broken.png"));
        Assert.Contains("broken.png", e.Message);
        Assert.Contains("CRC", e.Message);
    }

    [Fact]
    public void TruncatedOrForeignFiles_AreRefusedClearly()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Folder, "gray8.png"));
        Assert.Contains("no IEND", Assert.Throws<PngFormatException>(() => PngDecoder.Decode(bytes.AsSpan(0, bytes.Length - 12), "cut.png")).Message);
        Assert.Contains("not a PNG", Assert.Throws<PngFormatException>(() => PngDecoder.Decode("GIF89a..."u8, "x.gif")).Message);
        Assert.Throws<FileNotFoundException>(() => PngDecoder.Decode(Path.Combine(Folder, "absent.png")));
    }
}
