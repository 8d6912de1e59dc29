using System.Diagnostics;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Datasets;
using AutoDnn.Plugins.Vision.Formats;
using AutoDnn.Plugins.Vision.Tests.Support;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Tests.Datasets;

public class SklearnDigitsDatasetTests
{
    private static Dictionary<string, string> Options(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void TheInstalledDigitsOpenFastWithAStratifiedSeededSplit()
    {
        var dataset = new SklearnDigitsDataset();
        dataset.Open(Options()).Dispose();   // warm-up: JIT and file cache
        var clock = Stopwatch.StartNew();
        using IDataSource source = dataset.Open(Options());
        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"opening took {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(new long[] { 1, 8, 8 }, source.InputShape);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), source.Classes);
        Assert.Equal(1797, source.Train.Count + source.Test!.Count);
        Assert.InRange(source.Test.Count, 355, 365);

        using var scope = LibTorch.NewScope();
        int[] trainCounts = new int[10], testCounts = new int[10];
        for (int i = 0; i < source.Train.Count; i++) trainCounts[source.Train.Get(i).Label]++;
        for (int i = 0; i < source.Test.Count; i++) testCounts[source.Test.Get(i).Label]++;
        // Every class (about 180 images each) gives about a fifth to the test split.
        for (int c = 0; c < 10; c++) Assert.InRange(testCounts[c] / (double)(trainCounts[c] + testCounts[c]), 0.18, 0.22);

        // Normalised with the documented constants: the whole set has mean ≈ 0, std ≈ 1.
        Tensor all = Tensor.Stack(Enumerable.Range(0, source.Train.Count).Select(i => source.Train.Get(i).Input).ToList());
        Assert.InRange(all.Mean().Item(), -0.05, 0.05);
        Assert.InRange(all.Std().Item(), 0.95, 1.05);

        using IDataSource same = dataset.Open(Options());
        using IDataSource other = dataset.Open(Options(("seed", "1")));
        Assert.Equal(Labels(source.Test), Labels(same.Test!));
        Assert.NotEqual(Inputs(source.Test), Inputs(other.Test!));
    }

    private static int[] Labels(IExampleSet set) => Enumerable.Range(0, set.Count).Select(i => set.Get(i).Label).ToArray();

    private static float[] Inputs(IExampleSet set) => Enumerable.Range(0, set.Count).SelectMany(i => set.Get(i).Input.ToArray<float>()).ToArray();

    [Fact]
    public void ATestFractionOfZeroKeepsEverythingForTraining()
    {
        using IDataSource source = new SklearnDigitsDataset().Open(Options(("test_fraction", "0")));
        Assert.Equal(1797, source.Train.Count);
        Assert.Null(source.Test);
    }

    [Fact]
    public void ReadsASmallCsvAndScalesItsValues()
    {
        using var folder = new TempFolder();
        string row0 = string.Join(",", Enumerable.Repeat("16", 64)) + ",3";
        string row1 = string.Join(",", Enumerable.Repeat("0", 64)) + ",7";
        string path = folder.Write("digits.csv", System.Text.Encoding.ASCII.GetBytes(row0 + "\n" + row1 + "\n"));
        using IDataSource source = new SklearnDigitsDataset().Open(Options(("path", path), ("test_fraction", "0")));
        using var scope = LibTorch.NewScope();
        Assert.Equal(3, source.Train.Get(0).Label);
        Assert.Equal(7, source.Train.Get(1).Label);
        float one = (float)((1 - SklearnDigitsDataset.Mean) / SklearnDigitsDataset.Std);
        Assert.All(source.Train.Get(0).Input.ToArray<float>(), v => Assert.Equal(one, v, 1e-5f));
    }

    [Theory]
    [InlineData("1,2,3\n", "line 1 has 3 fields")]
    [InlineData("ROW\n", "line 1 has 1 fields")]
    [InlineData("", "no rows")]
    public void CorruptCsvFilesNameTheFileAndTheLine(string text, string problem)
    {
        using var folder = new TempFolder();
        string path = folder.Write("bad.csv", System.Text.Encoding.ASCII.GetBytes(text));
        var e = Assert.Throws<CsvFormatException>(() => new SklearnDigitsDataset().Open(Options(("path", path))));
        Assert.Contains(path, e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void ValuesOutOfRangeAndTruncatedGzipAreNamed()
    {
        using var folder = new TempFolder();
        string good = string.Join(",", Enumerable.Repeat("1", 64)) + ",3\n";
        string bad = folder.Write("range.csv", System.Text.Encoding.ASCII.GetBytes(good + string.Join(",", Enumerable.Repeat("1", 63)) + ",17,3\n"));
        var e = Assert.Throws<CsvFormatException>(() => new SklearnDigitsDataset().Open(Options(("path", bad))));
        Assert.Contains("line 2, field 64: 17 is outside 0..16", e.Message);
        string word = folder.Write("word.csv", System.Text.Encoding.ASCII.GetBytes(good.Replace("1,3", "x,3", StringComparison.Ordinal)));
        Assert.Contains("'x' is not a whole number", Assert.Throws<CsvFormatException>(() => new SklearnDigitsDataset().Open(Options(("path", word)))).Message);

        byte[] gz = File.ReadAllBytes(SklearnDigitsDataset.DefaultPath);
        string cut = folder.Write("digits.csv.gz", gz[..(gz.Length / 2)]);
        var truncated = Assert.ThrowsAny<FormatException>(() => new SklearnDigitsDataset().Open(Options(("path", cut))));
        Assert.Contains(cut, truncated.Message);
    }

    [Fact]
    public void BadOptionsAreNamed()
    {
        var dataset = new SklearnDigitsDataset();
        Assert.Contains("known options: path, test_fraction, seed", Assert.Throws<ArgumentException>(() => dataset.Open(Options(("split", "0.1")))).Message);
        Assert.Contains("test_fraction='1'", Assert.Throws<ArgumentException>(() => dataset.Open(Options(("test_fraction", "1")))).Message);
        Assert.Contains("seed='x'", Assert.Throws<ArgumentException>(() => dataset.Open(Options(("seed", "x")))).Message);
        Assert.Contains("nope.csv", Assert.Throws<FileNotFoundException>(() => dataset.Open(Options(("path", "/tmp/nope.csv")))).Message);
    }
}
