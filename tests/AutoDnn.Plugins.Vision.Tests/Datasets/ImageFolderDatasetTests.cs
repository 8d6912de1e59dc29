using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Datasets;
using AutoDnn.Plugins.Vision.Formats;
using AutoDnn.Plugins.Vision.Tests.Support;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Tests.Datasets;

public class ImageFolderDatasetTests
{
    private static byte[] Gray(byte value, int w = 4, int h = 3) => TestFiles.Png(w, h, 0, Enumerable.Repeat(value, w * h).ToArray());

    private static byte[] Rgb(byte r, byte g, byte b, int w = 4, int h = 3) =>
        TestFiles.Png(w, h, 2, Enumerable.Range(0, w * h).SelectMany(_ => new[] { r, g, b }).ToArray());

    [Fact]
    public void ClassesAreSortedSubFoldersAndGrayImagesGiveOneChannel()
    {
        using var folder = new TempFolder();
        folder.Write("train/dog/a.png", Gray(200));
        folder.Write("train/cat/b.png", Gray(0));
        folder.Write("train/cat/a.png", Gray(100));
        folder.Write("train/cat/notes.txt", [1, 2, 3]);
        folder.Write("test/dog/x.png", Gray(50));
        using IDataSource source = new ImageFolderDataset().Open(new Dictionary<string, string>
        {
            ["path"] = folder.File("train"), ["test_path"] = folder.File("test"),
        });
        Assert.Equal(new[] { "cat", "dog" }, source.Classes);
        Assert.Equal(new long[] { 1, 3, 4 }, source.InputShape);
        Assert.Equal(3, source.Train.Count);
        Assert.Equal(1, source.Test!.Count);

        using var scope = LibTorch.NewScope();
        // Sorted: cat/a (100), cat/b (0), dog/a (200); normalised with their mean 100/255 and std.
        Assert.Equal(new[] { 0, 0, 1 }, Enumerable.Range(0, 3).Select(i => source.Train.Get(i).Label));
        double mean = 100 / 255.0, std = Math.Sqrt(2.0 / 3) * 100 / 255.0;
        Assert.Equal((float)((200 / 255.0 - mean) / std), source.Train.Get(2).Input.ToArray<float>()[0], 1e-4f);
        Assert.Equal(0f, source.Train.Get(0).Input.ToArray<float>()[5], 1e-5f);
        Example test = source.Test.Get(0);
        Assert.Equal(1, test.Label);
        Assert.Equal((float)((50 / 255.0 - mean) / std), test.Input.ToArray<float>()[0], 1e-4f);
    }

    [Fact]
    public void AnyColourImageMakesThreeChannelsAndGrayIsRepeated()
    {
        using var folder = new TempFolder();
        folder.Write("a/1.png", Rgb(255, 0, 0));
        folder.Write("b/1.png", Gray(255));
        folder.Write("b/2.png", TestFiles.Png(4, 3, 6, Enumerable.Range(0, 12).SelectMany(_ => new byte[] { 0, 0, 255, 9 }).ToArray()));
        using IDataSource source = new ImageFolderDataset().Open(new Dictionary<string, string> { ["path"] = folder.Path });
        Assert.Equal(new long[] { 3, 3, 4 }, source.InputShape);
        using var scope = LibTorch.NewScope();
        float[] red = source.Train.Get(0).Input.ToArray<float>(), white = source.Train.Get(1).Input.ToArray<float>();
        // Red is above the red-channel mean (2/3) and below the green one; white is above both.
        Assert.True(red[0] > 0 && red[12] < 0 && white[0] > 0 && white[12] > 0);

        using IDataSource gray = new ImageFolderDataset().Open(new Dictionary<string, string> { ["path"] = folder.Path, ["channels"] = "1" });
        Assert.Equal(new long[] { 1, 3, 4 }, gray.InputShape);
    }

    [Fact]
    public void ImagesOfAnotherSizeAndCorruptPngsNameTheFile()
    {
        using var folder = new TempFolder();
        folder.Write("a/1.png", Gray(1));
        string odd = folder.Write("b/2.png", Gray(1, w: 5));
        var e = Assert.Throws<InvalidDataException>(() => new ImageFolderDataset().Open(new Dictionary<string, string> { ["path"] = folder.Path }));
        Assert.Contains(odd, e.Message);
        Assert.Contains("5×3", e.Message);
        Assert.Contains("4×3", e.Message);

        byte[] png = Gray(1);
        png[^20] ^= 0xFF;   // inside the IDAT chunk: its CRC no longer matches
        string corrupt = folder.Write("b/2.png", png);
        var c = Assert.Throws<PngFormatException>(() => new ImageFolderDataset().Open(new Dictionary<string, string> { ["path"] = folder.Path }));
        Assert.Contains(corrupt, c.Message);
        Assert.Contains("CRC", c.Message);

        string truncated = folder.Write("b/2.png", Gray(1)[..30]);
        Assert.Contains(truncated, Assert.Throws<PngFormatException>(() => new ImageFolderDataset().Open(new Dictionary<string, string> { ["path"] = folder.Path })).Message);
    }

    [Fact]
    public void BadLayoutsAndOptionsAreNamed()
    {
        using var folder = new TempFolder();
        var dataset = new ImageFolderDataset();
        Assert.Contains("option 'path' is required", Assert.Throws<ArgumentException>(() => dataset.Open(new Dictionary<string, string>())).Message);
        Assert.Contains("no class sub-folders", Assert.Throws<InvalidDataException>(() => dataset.Open(new Dictionary<string, string> { ["path"] = folder.Path })).Message);
        Directory.CreateDirectory(folder.File("empty"));
        Assert.Contains("empty holds no .png files", Assert.Throws<InvalidDataException>(() => dataset.Open(new Dictionary<string, string> { ["path"] = folder.Path })).Message);
        folder.Write("empty/1.png", Gray(3));
        Assert.Contains("channels='2'", Assert.Throws<ArgumentException>(() => dataset.Open(new Dictionary<string, string> { ["path"] = folder.Path, ["channels"] = "2" })).Message);
        Assert.Contains("'size'", Assert.Throws<ArgumentException>(() => dataset.Open(new Dictionary<string, string> { ["path"] = folder.Path, ["size"] = "32" })).Message);
    }
}
