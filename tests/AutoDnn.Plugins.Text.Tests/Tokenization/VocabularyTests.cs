using AutoDnn.Plugins.Text.Tokenization;

namespace AutoDnn.Plugins.Text.Tests.Tokenization;

public class VocabularyTests
{
    private static readonly WordTokenizer Tokenizer = new();

    [Fact]
    public void Tokenizer_LowercasesAndKeepsInnerApostrophes()
    {
        Assert.Equal(new[] { "don't", "panic", "42", "times", "café" }, Tokenizer.Tokenize("Don't PANIC -- 42 times, 'café'!"));
    }

    [Fact]
    public void Build_OrdersByFrequencyThenText_WithPadAndUnknownFirst()
    {
        var docs = new[] { "b a b c", "a b d", "b" }.Select(Tokenizer.Tokenize).ToArray();
        var vocab = Vocabulary.Build(docs);
        Assert.Equal(new[] { "<pad>", "<unk>", "b", "a", "c", "d" }, vocab.Tokens);
        Assert.Equal(new[] { 2, 3, 1 }, vocab.Encode(["b", "a", "zebra"]));
        Assert.Equal(new[] { 2 }, vocab.Encode(["b", "a"], maxLength: 1));
    }

    [Fact]
    public void MinCountAndMaxSize_Limit()
    {
        var docs = new[] { "x x x y y z" }.Select(Tokenizer.Tokenize).ToArray();
        Assert.Equal(new[] { "<pad>", "<unk>", "x", "y" }, Vocabulary.Build(docs, minCount: 2).Tokens);
        Assert.Equal(new[] { "<pad>", "<unk>", "x" }, Vocabulary.Build(docs, maxSize: 3).Tokens);
    }

    [Fact]
    public void Json_RoundTrips_AndBadJsonIsRefused()
    {
        var vocab = Vocabulary.Build([Tokenizer.Tokenize("one two two")]);
        var back = Vocabulary.FromJson(vocab.ToJson());
        Assert.Equal(vocab.Tokens, back.Tokens);
        Assert.Throws<FormatException>(() => Vocabulary.FromJson("[\"a\",\"b\"]"));
        Assert.Throws<FormatException>(() => Vocabulary.FromJson("[\"<pad>\",\"<unk>\",\"a\",\"a\"]"));
    }
}
