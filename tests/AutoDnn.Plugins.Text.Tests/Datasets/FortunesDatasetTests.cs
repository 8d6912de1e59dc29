using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Text.Datasets;
using AutoDnn.Plugins.Text.Formats;
using AutoDnn.Plugins.Text.Tests.Support;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Text.Tests.Datasets;

[Collection(OpenSourcesCollection.Name)]
public class FortunesDatasetTests
{
    // Three categories of 10 entries; entry i of a category holds a word no other entry has ("alphaword3").
    private static string WriteFolder()
    {
        string folder = Directory.CreateTempSubdirectory("fortunes").FullName;
        foreach (string category in new[] { "alpha", "beta", "gamma" })
        {
            var text = new System.Text.StringBuilder();
            for (int i = 0; i < 10; i++)
            {
                text.Append($"common {category} words {category}word{i}\nsecond line\n%\n");
                if (i == 4) text.Append("\n%\n"); // an empty entry
            }
            File.WriteAllText(Path.Combine(folder, category), text.ToString()); // ends with a trailing %
        }
        return folder;
    }

    private static TextDataSource Open(string folder, params (string Key, string Value)[] extra)
    {
        var options = new Dictionary<string, string> { ["path"] = folder, ["categories"] = "alpha,beta,gamma", ["min_count"] = "1", ["test_fraction"] = "0.3", ["seed"] = "7" };
        foreach (var (k, v) in extra) options[k] = v;
        return (TextDataSource)new FortunesDataset().Open(options);
    }

    private static long[][] Inputs(IExampleSet set)
    {
        using var scope = LibTorch.NewScope();
        return Enumerable.Range(0, set.Count).Select(i => set.Get(i).Input.ToArray<long>()).ToArray();
    }

    private static int[] Labels(IExampleSet set)
    {
        using var scope = LibTorch.NewScope();
        return Enumerable.Range(0, set.Count).Select(i => set.Get(i).Label).ToArray();
    }

    [Fact]
    public void SplitIsStratifiedAndEmptyEntriesAndTrailingSeparatorAreDropped()
    {
        using TextDataSource source = Open(WriteFolder());
        Assert.Equal(new[] { "alpha", "beta", "gamma" }, source.Classes);
        Assert.Equal(21, source.Train.Count);
        Assert.Equal(9, source.Test!.Count);
        Assert.Equal(new[] { 7, 7, 7 }, Labels(source.Train).GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(new[] { 3, 3, 3 }, Labels(source.Test).GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()));
    }

    [Fact]
    public void SplitIsDeterministicPerSeed()
    {
        string folder = WriteFolder();
        using TextDataSource a = Open(folder), b = Open(folder), other = Open(folder, ("seed", "8"));
        Assert.Equal(Inputs(a.Test!), Inputs(b.Test!));
        Assert.Equal(a.Vocabulary, b.Vocabulary);
        Assert.NotEqual(a.Vocabulary, other.Vocabulary); // another seed holds out other entries, whose own words then drop out
    }

    [Fact]
    public void VocabularyComesFromTheTrainingSplitOnly()
    {
        using TextDataSource source = Open(WriteFolder());
        int uniqueInVocabulary = source.Vocabulary!.Count(t => t.Contains("word", StringComparison.Ordinal) && t != "words");
        Assert.Equal(source.Train.Count, uniqueInVocabulary);
        // Every test example's own word is unknown (id 1): "common", "<category>", "words", then the unique word.
        Assert.All(Inputs(source.Test!), ids => Assert.Equal(1, ids[3]));
        Assert.All(Inputs(source.Train), ids => Assert.True(ids[3] > 1));
    }

    [Fact]
    public void InputsAreInt64OfMaxLengthPaddedAtTheEnd()
    {
        using TextDataSource source = Open(WriteFolder(), ("max_length", "8"));
        Assert.Equal(new long[] { 8 }, source.InputShape);
        using var scope = LibTorch.NewScope();
        Example example = source.Train.Get(0);
        Assert.Equal(DType.Int64, example.Input.DType);
        Assert.Equal(new long[] { 8 }, example.Input.Shape);
        long[] ids = example.Input.ToArray<long>();
        Assert.All(ids.Take(6), id => Assert.True(id > 0)); // "common alpha words alphawordN second line"
        Assert.Equal(new long[] { 0, 0 }, ids.Skip(6));
        using TextDataSource cut = Open(WriteFolder(), ("max_length", "3"));
        Assert.All(Inputs(cut.Train), ids3 => Assert.All(ids3, id => Assert.True(id > 0)));
    }

    [Fact]
    public void ReadInputsEncodesOneLinePerInputWithTheSourceVocabulary()
    {
        using TextDataSource source = Open(WriteFolder(), ("max_length", "5"));
        string file = Path.Combine(Directory.CreateTempSubdirectory("inputs").FullName, "in.txt");
        File.WriteAllText(file, "common alpha zebra\n\n   \nsecond line\n");
        IReadOnlyList<Tensor> inputs = source.ReadInputs(file);
        Assert.Equal(2, inputs.Count);
        long[] first = inputs[0].ToArray<long>();
        Assert.Equal(source.Vocab.IdOf("common"), first[0]);
        Assert.Equal(source.Vocab.IdOf("alpha"), first[1]);
        Assert.Equal(new long[] { 1, 0, 0 }, first.Skip(2));
        var missing = Assert.Throws<FileNotFoundException>(() => source.ReadInputs(file + ".nope"));
        Assert.Contains("in.txt.nope", missing.Message);
    }

    [Fact]
    public void BadOptionsAndPathsGiveErrorsNamingThem()
    {
        string folder = WriteFolder();
        var unknown = Assert.Throws<ArgumentException>(() => Open(folder, ("maxlen", "3")));
        Assert.Contains("'maxlen'", unknown.Message);
        Assert.Contains("max_length", unknown.Message);
        Assert.Contains("max_length = 'x'", Assert.Throws<ArgumentException>(() => Open(folder, ("max_length", "x"))).Message);
        Assert.Contains("test_fraction = '1.5'", Assert.Throws<ArgumentException>(() => Open(folder, ("test_fraction", "1.5"))).Message);
        var missingFolder = Assert.Throws<DirectoryNotFoundException>(() => Open(folder + "-missing"));
        Assert.Contains(folder + "-missing", missingFolder.Message);
        var missingCategory = Assert.Throws<FileNotFoundException>(() => Open(folder, ("categories", "alpha,delta")));
        Assert.Contains("'delta'", missingCategory.Message);
        Assert.Contains("categories: alpha, beta, gamma", missingCategory.Message);
        File.WriteAllText(Path.Combine(folder, "empty"), "%\n\n%\n");
        var empty = Assert.Throws<FormatException>(() => Open(folder, ("categories", "alpha,empty")));
        Assert.Contains("'empty'", empty.Message);
        Assert.Contains("0 entries", empty.Message);
    }

    [Fact]
    public void NoTestFractionMeansNoTestSplit()
    {
        using TextDataSource source = Open(WriteFolder(), ("test_fraction", "0"));
        Assert.Null(source.Test);
        Assert.Equal(30, source.Train.Count);
    }

    [Fact]
    public void DefaultCategoriesOfDebiansFortunesOpen()
    {
        if (!Directory.Exists(FortuneReader.DebianFolder)) return; // ./build.sh installs Debian's fortunes package
        using IDataSource source = new FortunesDataset().Open(new Dictionary<string, string>());
        Assert.Equal(FortunesDataset.DefaultCategories, source.Classes);
        Assert.Equal(new long[] { TokenizationSettings.DefaultMaxLength }, source.InputShape);
        int[] train = Labels(source.Train), test = Labels(source.Test!);
        for (int c = 0; c < 5; c++)
        {
            Assert.True(train.Count(l => l == c) > 100, $"{source.Classes[c]}: {train.Count(l => l == c)} training entries");
            Assert.True(test.Count(l => l == c) > 20, $"{source.Classes[c]}: {test.Count(l => l == c)} test entries");
        }
        Assert.True(source.Vocabulary!.Count > 1000, $"{source.Vocabulary.Count} tokens");
    }
}
