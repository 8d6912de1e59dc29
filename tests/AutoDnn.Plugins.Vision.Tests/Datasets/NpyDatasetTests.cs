using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Datasets;
using AutoDnn.Plugins.Vision.Formats;
using AutoDnn.Plugins.Vision.Tests.Support;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Tests.Datasets;

public class NpyDatasetTests
{
    [Fact]
    public void OpensThreeAndFourDimensionalImagesWithIntegerLabels()
    {
        using var folder = new TempFolder();
        // Four 2-channel 8×8 float images: image i is constant i; labels 0, 1, 0, 2.
        string images = folder.Write("x.npy", TestFiles.Npy("f4", [4, 2, 8, 8], Enumerable.Range(0, 4).SelectMany(i => Enumerable.Repeat((double)i, 128)).ToArray()));
        string labels = folder.Write("y.npy", TestFiles.Npy("i8", [4], [0, 1, 0, 2]));
        string testImages = folder.Write("tx.npy", TestFiles.Npy("f4", [1, 2, 8, 8], Enumerable.Repeat(3.0, 128).ToArray()));
        string testLabels = folder.Write("ty.npy", TestFiles.Npy("i8", [1], [1]));
        using IDataSource source = new NpyDataset().Open(new Dictionary<string, string>
        {
            ["images"] = images, ["labels"] = labels, ["test_images"] = testImages, ["test_labels"] = testLabels,
        });
        Assert.Equal(new long[] { 2, 8, 8 }, source.InputShape);
        Assert.Equal(new[] { "0", "1", "2" }, source.Classes);
        Assert.Equal(4, source.Train.Count);
        using var scope = LibTorch.NewScope();
        // Values 0..3 have mean 1.5 and std √1.25 per channel.
        Assert.Equal((float)((3 - 1.5) / Math.Sqrt(1.25)), source.Train.Get(3).Input.ToArray<float>()[77], 1e-5f);
        Assert.Equal(2, source.Train.Get(3).Label);
        Assert.Equal(1, source.Test!.Get(0).Label);
        Assert.Equal((float)((3 - 1.5) / Math.Sqrt(1.25)), source.Test.Get(0).Input.ToArray<float>()[0], 1e-5f);
    }

    [Fact]
    public void Uint8ImagesAreGrayAndNamedClassesAreChecked()
    {
        using var folder = new TempFolder();
        string images = folder.Write("x.npy", TestFiles.Npy("u1", [2, 9, 10], Enumerable.Range(0, 180).Select(i => (double)(i % 256)).ToArray()));
        string labels = folder.Write("y.npy", TestFiles.Npy("u1", [2], [1, 0]));
        using IDataSource source = new NpyDataset().Open(new Dictionary<string, string> { ["images"] = images, ["labels"] = labels, ["classes"] = "no,yes" });
        Assert.Equal(new long[] { 1, 9, 10 }, source.InputShape);
        Assert.Equal(new[] { "no", "yes" }, source.Classes);
        Assert.Null(source.Test);

        var e = Assert.Throws<InvalidDataException>(() => new NpyDataset().Open(new Dictionary<string, string> { ["images"] = images, ["labels"] = labels, ["classes"] = "only" }));
        Assert.Contains("label 1 of example 0", e.Message);
        Assert.Contains(labels, e.Message);
    }

    [Fact]
    public void MismatchedCorruptAndTruncatedArraysNameTheFile()
    {
        using var folder = new TempFolder();
        string images = folder.Write("x.npy", TestFiles.Npy("f4", [3, 8, 8], new double[192]));
        string shortLabels = folder.Write("y2.npy", TestFiles.Npy("i8", [2], [0, 1]));
        var dataset = new NpyDataset();
        Assert.Contains(shortLabels, Assert.Throws<InvalidDataException>(() => dataset.Open(new Dictionary<string, string> { ["images"] = images, ["labels"] = shortLabels })).Message);

        string fractional = folder.Write("yf.npy", TestFiles.Npy("f4", [3], [0, 1.5, 1]));
        Assert.Contains("label 1.5 of example 1", Assert.Throws<InvalidDataException>(() => dataset.Open(new Dictionary<string, string> { ["images"] = images, ["labels"] = fractional })).Message);

        string flat = folder.Write("flat.npy", TestFiles.Npy("f4", [192], new double[192]));
        string labels = folder.Write("y.npy", TestFiles.Npy("i8", [3], [0, 1, 0]));
        Assert.Contains(flat, Assert.Throws<InvalidDataException>(() => dataset.Open(new Dictionary<string, string> { ["images"] = flat, ["labels"] = labels })).Message);

        string truncated = folder.Write("cut.npy", TestFiles.Npy("f4", [3, 8, 8], new double[192])[..300]);
        var t = Assert.Throws<NpyFormatException>(() => dataset.Open(new Dictionary<string, string> { ["images"] = truncated, ["labels"] = labels }));
        Assert.Contains(truncated, t.Message);
        string garbage = folder.Write("garbage.npy", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        Assert.Contains(garbage, Assert.Throws<NpyFormatException>(() => dataset.Open(new Dictionary<string, string> { ["images"] = garbage, ["labels"] = labels })).Message);

        string otherSize = folder.Write("tx.npy", TestFiles.Npy("f4", [1, 9, 8], new double[72]));
        string oneLabel = folder.Write("ty.npy", TestFiles.Npy("i8", [1], [0]));
        Assert.Contains(otherSize, Assert.Throws<InvalidDataException>(() => dataset.Open(new Dictionary<string, string>
        {
            ["images"] = images, ["labels"] = labels, ["test_images"] = otherSize, ["test_labels"] = oneLabel,
        })).Message);
        Assert.Contains("test_images and test_labels go together", Assert.Throws<ArgumentException>(() => dataset.Open(new Dictionary<string, string>
        {
            ["images"] = images, ["labels"] = labels, ["test_images"] = otherSize,
        })).Message);
        Assert.Contains("option 'labels' is required", Assert.Throws<ArgumentException>(() => dataset.Open(new Dictionary<string, string> { ["images"] = images })).Message);
    }
}
