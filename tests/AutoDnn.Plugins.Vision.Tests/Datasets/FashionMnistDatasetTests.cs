using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Datasets;
using AutoDnn.Plugins.Vision.Formats;
using AutoDnn.Plugins.Vision.Tests.Support;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Tests.Datasets;

public class FashionMnistDatasetTests
{
    // n 10×10 images: image i has every pixel = 10·i; label i % 3.
    private static void WriteSplit(TempFolder folder, string prefix, int n, bool gzip)
    {
        byte[] pixels = Enumerable.Range(0, n).SelectMany(i => Enumerable.Repeat((byte)(10 * i), 100)).ToArray();
        byte[] labels = Enumerable.Range(0, n).Select(i => (byte)(i % 3)).ToArray();
        byte[] images = TestFiles.Idx([n, 10, 10], pixels), labelFile = TestFiles.Idx([n], labels);
        folder.Write($"{prefix}-images-idx3-ubyte{(gzip ? ".gz" : "")}", gzip ? TestFiles.Gzip(images) : images);
        folder.Write($"{prefix}-labels-idx1-ubyte{(gzip ? ".gz" : "")}", gzip ? TestFiles.Gzip(labelFile) : labelFile);
    }

    private static Dictionary<string, string> Options(TempFolder folder, params (string Key, string Value)[] more)
    {
        var options = new Dictionary<string, string> { ["path"] = folder.Path };
        foreach (var (k, v) in more) options[k] = v;
        return options;
    }

    [Fact]
    public void OpensPlainAndGzippedIdxPairsWithTheFixedNormalisation()
    {
        using var folder = new TempFolder();
        WriteSplit(folder, "train", 6, gzip: true);
        WriteSplit(folder, "t10k", 4, gzip: false);
        using IDataSource source = new FashionMnistDataset().Open(Options(folder));
        Assert.Equal(new long[] { 1, 10, 10 }, source.InputShape);
        Assert.Equal(FashionMnistDataset.FashionClasses, source.Classes);
        Assert.Equal("T-shirt/top", source.Classes[0]);
        Assert.Equal("Ankle boot", source.Classes[9]);
        Assert.Null(source.Vocabulary);
        Assert.Equal(6, source.Train.Count);
        Assert.Equal(4, source.Test!.Count);

        using var scope = LibTorch.NewScope();
        Example e = source.Train.Get(5);
        Assert.Equal(2, e.Label);
        Assert.Equal(new long[] { 1, 10, 10 }, e.Input.Shape);
        Assert.Equal(DType.Float32, e.Input.DType);
        float want = (float)((50 / 255.0 - FashionMnistDataset.Mean) / FashionMnistDataset.Std);
        Assert.All(e.Input.ToArray<float>(), v => Assert.Equal(want, v, 1e-5f));
        Assert.Equal(1, source.Test.Get(1).Label);
    }

    [Fact]
    public void LimitsTakeTheFirstExamplesAndClassesCanBeRenamed()
    {
        using var folder = new TempFolder();
        WriteSplit(folder, "train", 6, gzip: false);
        using IDataSource source = new FashionMnistDataset().Open(Options(folder, ("limit", "4"), ("classes", "zero, one, two")));
        Assert.Equal(4, source.Train.Count);
        Assert.Null(source.Test);
        Assert.Equal(new[] { "zero", "one", "two" }, source.Classes);
        using var scope = LibTorch.NewScope();
        Assert.Equal(0, source.Train.Get(3).Label);
    }

    [Fact]
    public void BadOptionsNameTheOptionAndTheKnownOnes()
    {
        using var folder = new TempFolder();
        WriteSplit(folder, "train", 2, gzip: false);
        var dataset = new FashionMnistDataset();
        var unknown = Assert.Throws<ArgumentException>(() => dataset.Open(Options(folder, ("limt", "4"))));
        Assert.Contains("'limt'", unknown.Message);
        Assert.Contains("path, limit, test_limit, classes", unknown.Message);
        Assert.Contains("limit='0'", Assert.Throws<ArgumentException>(() => dataset.Open(Options(folder, ("limit", "0")))).Message);
        Assert.Contains("limit='many'", Assert.Throws<ArgumentException>(() => dataset.Open(Options(folder, ("limit", "many")))).Message);
        var missing = Assert.Throws<DirectoryNotFoundException>(() => dataset.Open(new Dictionary<string, string> { ["path"] = folder.File("nope") }));
        Assert.Contains("nope", missing.Message);
    }

    [Fact]
    public void MissingTruncatedAndInconsistentFilesNameTheFile()
    {
        var dataset = new FashionMnistDataset();
        using (var folder = new TempFolder())
        {
            var e = Assert.Throws<FileNotFoundException>(() => dataset.Open(Options(folder)));
            Assert.Contains("train-images-idx3-ubyte", e.Message);
            WriteSplit(folder, "train", 3, gzip: false);
            folder.Write("t10k-images-idx3-ubyte", TestFiles.Idx([1, 10, 10], new byte[100]));
            Assert.Contains("t10k-labels-idx1-ubyte", Assert.Throws<FileNotFoundException>(() => dataset.Open(Options(folder))).Message);
        }
        using (var folder = new TempFolder())
        {
            WriteSplit(folder, "train", 3, gzip: false);
            var noise = new byte[300];
            new Random(1).NextBytes(noise);   // incompressible, so a cut gzip stream really is cut
            byte[] whole = TestFiles.Idx([3, 10, 10], noise);
            string file = folder.Write("train-images-idx3-ubyte", whole[..200]);
            var e = Assert.Throws<IdxFormatException>(() => dataset.Open(Options(folder)));
            Assert.Contains(file, e.Message);
            Assert.Contains("ends early", e.Message);

            string gz = folder.Write("train-images-idx3-ubyte.gz", TestFiles.Gzip(whole)[..160]);
            File.Delete(file);
            e = Assert.Throws<IdxFormatException>(() => dataset.Open(Options(folder)));
            Assert.Contains(gz, e.Message);
        }
        using (var folder = new TempFolder())
        {
            WriteSplit(folder, "train", 3, gzip: false);
            string labels = folder.Write("train-labels-idx1-ubyte", TestFiles.Idx([2], [0, 1]));
            Assert.Contains(labels, Assert.Throws<InvalidDataException>(() => dataset.Open(Options(folder))).Message);
            folder.Write("train-labels-idx1-ubyte", TestFiles.Idx([3], [0, 1, 12]));
            var e = Assert.Throws<InvalidDataException>(() => dataset.Open(Options(folder)));
            Assert.Contains("label 12 of example 2", e.Message);
            Assert.Contains(labels, e.Message);
            string images = folder.Write("train-images-idx3-ubyte", TestFiles.Idx([300], new byte[300]));
            Assert.Contains(images, Assert.Throws<InvalidDataException>(() => dataset.Open(Options(folder))).Message);
        }
    }

    [Fact]
    public void TheInstalledFashionMnistOpensWithItsRealShapeAndClasses()
    {
        // build.sh installs Debian's dataset-fashion-mnist here and in CI.
        Assert.True(Directory.Exists(FashionMnistDataset.DefaultFolder), $"{FashionMnistDataset.DefaultFolder} is missing: ./build.sh installs the dataset-fashion-mnist package");
        using IDataSource source = new FashionMnistDataset().Open(new Dictionary<string, string> { ["limit"] = "500", ["test_limit"] = "200" });
        Assert.Equal(new long[] { 1, 28, 28 }, source.InputShape);
        Assert.Equal(10, source.Classes.Count);
        Assert.Equal(500, source.Train.Count);
        Assert.Equal(200, source.Test!.Count);
        using var scope = LibTorch.NewScope();
        var labels = Enumerable.Range(0, 500).Select(i => source.Train.Get(i).Label).ToHashSet();
        Assert.Equal(10, labels.Count);
        // The first training image of Fashion-MNIST is an ankle boot.
        Assert.Equal(9, source.Train.Get(0).Label);
        Tensor all = Tensor.Stack(Enumerable.Range(0, 500).Select(i => source.Train.Get(i).Input).ToList());
        Assert.InRange(all.Mean().Item(), -0.1, 0.1);
        Assert.InRange(all.Std().Item(), 0.9, 1.1);
    }
}
