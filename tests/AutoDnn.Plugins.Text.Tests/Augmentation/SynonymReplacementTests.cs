using AutoDnn.Plugins.Text.Augmentation;
using AutoDnn.Plugins.Text.Datasets;
using AutoDnn.Plugins.Text.Formats;
using AutoDnn.Plugins.Text.Tests.Support;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Text.Tests.Augmentation;

[Collection(OpenSourcesCollection.Name)]
public class SynonymReplacementTests
{
    private static string Write(string content)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("synonyms").FullName, "synonyms.txt");
        File.WriteAllText(path, content);
        return path;
    }

    private static TextDataSource Source() => new(
        [new LabeledText("the big dog ran", "a"), new LabeledText("a large cat sat", "b"), new LabeledText("big cat", "b")],
        null, ["a", "b"], 6, 1, 100, "test corpus");

    private static void WithSynonyms(string? path, Action action)
    {
        string? old = Environment.GetEnvironmentVariable(SynonymTable.EnvironmentVariable);
        Environment.SetEnvironmentVariable(SynonymTable.EnvironmentVariable, path);
        try { action(); }
        finally { Environment.SetEnvironmentVariable(SynonymTable.EnvironmentVariable, old); }
    }

    [Fact]
    public void ConfigureMapsTheFilesWordsThroughTheOpenVocabulary()
    {
        string file = Write("# groups\nbig, large huge\ndog hound\n");
        using TextDataSource source = Source();
        WithSynonyms(file, () =>
        {
            var trial = new FixedTrial(new Dictionary<string, object?> { ["synonym-replacement.p"] = 1.0 });
            var transform = new SynonymReplacement().Configure(trial);
            Assert.Equal("synonym-replacement.p", Assert.Single(trial.Suggestions).Name);
            using var generator = new Generator(0);
            using var scope = LibTorch.NewScope();
            Tensor text = Tensor.Stack([source.Encode("the big dog ran"), source.Encode("large cat")]);
            long[] output = transform.Apply(text, generator).ToArray<long>();
            var vocabulary = source.Vocab;
            // "big" can only become "large" (huge is not in the vocabulary); "dog" has no synonym in it.
            Assert.Equal(new long[] { vocabulary.IdOf("the"), vocabulary.IdOf("large"), vocabulary.IdOf("dog"), vocabulary.IdOf("ran"), 0, 0 }, output.Take(6));
            Assert.Equal(new long[] { vocabulary.IdOf("big"), vocabulary.IdOf("cat"), 0, 0, 0, 0 }, output.Skip(6));
        });
    }

    [Fact]
    public void WithoutASynonymsFileConfigureSaysHowToProvideOne()
    {
        if (File.Exists(SynonymTable.DefaultPath)) return; // a real file at the default path would be used
        using TextDataSource source = Source();
        WithSynonyms(null, () =>
        {
            var e = Assert.Throws<FileNotFoundException>(() => new SynonymReplacement().Configure(new FixedTrial()));
            Assert.Contains(SynonymTable.EnvironmentVariable, e.Message);
            Assert.Contains(SynonymTable.DefaultPath, e.Message);
        });
        WithSynonyms("/nonexistent/syn.txt", () =>
            Assert.Contains("/nonexistent/syn.txt", Assert.Throws<FileNotFoundException>(() => new SynonymReplacement().Configure(new FixedTrial())).Message));
    }

    [Fact]
    public void WithoutAnOpenDatasetConfigureSaysSo()
    {
        WithSynonyms(Write("big large\n"), () =>
        {
            var e = Assert.Throws<InvalidOperationException>(() => new SynonymReplacement().Configure(new FixedTrial()));
            Assert.Contains("no text dataset is open", e.Message);
        });
    }

    [Fact]
    public void BadSynonymFilesNameFileAndLine()
    {
        string path = Write("big large\nlonely\n");
        var e = Assert.Throws<FormatException>(() => SynonymTable.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("line 2", e.Message);
        Assert.Contains("no synonym groups", Assert.Throws<FormatException>(() => SynonymTable.Load(Write("# nothing\n\n"))).Message);
    }
}
