using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Datasets;
using AutoDnn.Plugins.Vision.Formats;
using AutoDnn.Plugins.Vision.Tests.Support;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Tests.Datasets;

public class ImageInputReaderTests
{
    // A 1×8×8 source (the digits) and the same image in each accepted input format.
    private static IDataSource Digits() => new SklearnDigitsDataset().Open(new Dictionary<string, string> { ["test_fraction"] = "0" });

    [Fact]
    public void EveryInputFormatIsEncodedLikeTheSourcesOwnExamples()
    {
        using var folder = new TempFolder();
        using IDataSource source = Digits();
        var reader = Assert.IsAssignableFrom<IInputReader>(source);
        Assert.Contains("PNG", reader.InputDescription);

        // Digits values 0..16 become 0..255 in PNG/IDX (×255/16 is exact for 0 and 16) and stay 0..16 in .npy.
        byte[] digitsRow = Enumerable.Range(0, 64).Select(i => (byte)(i % 2 == 0 ? 16 : 0)).ToArray();
        byte[] pixels = digitsRow.Select(v => (byte)(v == 16 ? 255 : 0)).ToArray();
        folder.Write("one.png", TestFiles.Png(8, 8, 0, pixels));
        folder.Write("pngs/a.png", TestFiles.Png(8, 8, 0, pixels));
        folder.Write("pngs/b.png", TestFiles.Png(8, 8, 2, pixels.SelectMany(p => new[] { p, p, p }).ToArray()));
        folder.Write("x.npy", TestFiles.Npy("f4", [2, 8, 8], [.. digitsRow.Select(v => (double)v), .. digitsRow.Select(v => (double)v)]));
        folder.Write("x-idx3-ubyte.gz", TestFiles.Gzip(TestFiles.Idx([3, 8, 8], [.. pixels, .. pixels, .. pixels])));

        using var scope = LibTorch.NewScope();
        float one = (float)((1 - SklearnDigitsDataset.Mean) / SklearnDigitsDataset.Std), zero = (float)(-SklearnDigitsDataset.Mean / SklearnDigitsDataset.Std);
        float[] expected = digitsRow.Select(v => v == 16 ? one : zero).ToArray();
        foreach (var (name, count) in new[] { ("one.png", 1), ("pngs", 2), ("x.npy", 2), ("x-idx3-ubyte.gz", 3) })
        {
            IReadOnlyList<Tensor> inputs = reader.ReadInputs(folder.File(name));
            Assert.Equal(count, inputs.Count);
            foreach (Tensor input in inputs)
            {
                Assert.Equal(new long[] { 1, 8, 8 }, input.Shape);
                float[] got = input.ToArray<float>();
                for (int i = 0; i < 64; i++) Assert.Equal(expected[i], got[i], 1e-5f);
            }
        }
    }

    [Fact]
    public void InputsOfTheWrongShapeOrFormatNameTheFile()
    {
        using var folder = new TempFolder();
        using IDataSource source = Digits();
        var reader = (IInputReader)source;
        string big = folder.Write("big.png", TestFiles.Png(9, 8, 0, new byte[72]));
        var e = Assert.Throws<InvalidDataException>(() => reader.ReadInputs(big));
        Assert.Contains(big, e.Message);
        Assert.Contains("9×8", e.Message);

        string npy = folder.Write("x.npy", TestFiles.Npy("f4", [2, 3, 8, 8], new double[384]));
        Assert.Contains(npy, Assert.Throws<InvalidDataException>(() => reader.ReadInputs(npy)).Message);
        string text = folder.Write("notes.txt", "hello, world"u8.ToArray());
        Assert.Contains(text, Assert.Throws<IdxFormatException>(() => reader.ReadInputs(text)).Message);
        string corrupt = folder.Write("bad.png", [137, 80, 78, 71, 1, 2]);
        Assert.Contains(corrupt, Assert.Throws<PngFormatException>(() => reader.ReadInputs(corrupt)).Message);
        Directory.CreateDirectory(folder.File("none"));
        Assert.Contains("holds no .png files", Assert.Throws<FileNotFoundException>(() => reader.ReadInputs(folder.File("none"))).Message);
        Assert.Contains("missing.png", Assert.Throws<FileNotFoundException>(() => reader.ReadInputs(folder.File("missing.png"))).Message);
    }

    [Fact]
    public void ColourSourcesAcceptGrayPngsAndGraySourcesAcceptColourOnes()
    {
        using var folder = new TempFolder();
        folder.Write("data/a/1.png", TestFiles.Png(8, 8, 2, Enumerable.Range(0, 64).SelectMany(i => new byte[] { (byte)i, 0, 255 }).ToArray()));
        folder.Write("data/b/1.png", TestFiles.Png(8, 8, 2, Enumerable.Range(0, 64).SelectMany(i => new byte[] { 0, (byte)(2 * i), 0 }).ToArray()));
        using IDataSource rgb = new ImageFolderDataset().Open(new Dictionary<string, string> { ["path"] = folder.File("data") });
        string gray = folder.Write("gray.png", TestFiles.Png(8, 8, 0, new byte[64]));
        using var scope = LibTorch.NewScope();
        Tensor input = Assert.Single(((IInputReader)rgb).ReadInputs(gray));
        Assert.Equal(new long[] { 3, 8, 8 }, input.Shape);

        using IDataSource digits = Digits();
        Tensor fromColour = Assert.Single(((IInputReader)digits).ReadInputs(folder.File("data/a/1.png")));
        Assert.Equal(new long[] { 1, 8, 8 }, fromColour.Shape);
    }
}
