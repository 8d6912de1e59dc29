using System.Text;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Text.Formats;
using AutoDnn.Plugins.Text.Tokenization;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Text.Datasets;

/// <summary>
/// An opened text corpus: word tokens encoded with a vocabulary built from the training split only, cut or padded to
/// the maximum length. Also reads unlabelled text files for prediction with the same vocabulary and length.
/// </summary>
public sealed class TextDataSource : IDataSource, IInputReader
{
    private readonly WordTokenizer tokenizer = new();
    private readonly int maxLength;
    private readonly TokenizedExampleSet train;
    private readonly TokenizedExampleSet? test;
    private bool disposed;

    /// <summary>Tokenizes the texts, builds the vocabulary from <paramref name="trainTexts"/> and encodes both splits.</summary>
    /// <param name="trainTexts">The training split; its labels must be in <paramref name="classes"/>.</param>
    /// <param name="testTexts">The held-out split, or null.</param>
    /// <param name="classes">Class names; a label's index in this list is its class.</param>
    /// <param name="maxLength">Tokens kept per text (longer texts are cut, shorter ones padded with 0).</param>
    /// <param name="minCount">A token enters the vocabulary when it occurs at least this often in the training split.</param>
    /// <param name="maxVocabulary">Most ids in the vocabulary, padding and unknown included.</param>
    /// <param name="where">Names the data in error messages (a file, a folder).</param>
    public TextDataSource(IReadOnlyList<LabeledText> trainTexts, IReadOnlyList<LabeledText>? testTexts, IReadOnlyList<string> classes,
        int maxLength, int minCount, int maxVocabulary, string where)
    {
        ArgumentNullException.ThrowIfNull(trainTexts);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (trainTexts.Count == 0) throw new ArgumentException($"{where}: the training split is empty", nameof(trainTexts));
        this.maxLength = maxLength;
        Classes = classes.ToArray();
        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < Classes.Count; c++) classIndex[Classes[c]] = c;

        IReadOnlyList<string>[] trainTokens = trainTexts.Select(t => tokenizer.Tokenize(t.Text)).ToArray();
        Vocab = Tokenization.Vocabulary.Build(trainTokens, minCount, maxVocabulary);
        train = Encode(trainTokens, trainTexts, classIndex, where, "training");
        if (testTexts is not null)
            test = Encode(testTexts.Select(t => tokenizer.Tokenize(t.Text)).ToArray(), testTexts, classIndex, where, "test");
        OpenVocabularies.Register(this);
    }

    /// <summary>The vocabulary built from the training split (0 = padding, 1 = unknown).</summary>
    public Vocabulary Vocab { get; }

    public IReadOnlyList<long> InputShape => [maxLength];

    public IReadOnlyList<string> Vocabulary => Vocab.Tokens;

    public IReadOnlyList<string> Classes { get; }

    public IExampleSet Train => train;

    public IExampleSet? Test => test;

    public string InputDescription => "a UTF-8 text file with one input per line (blank lines are skipped)";

    /// <summary>The same tokens and ids the source's examples use, padded to its length.</summary>
    public Tensor Encode(string text) => TokenizedExampleSet.Pad(Vocab.Encode(tokenizer.Tokenize(text), maxLength), maxLength);

    public IReadOnlyList<Tensor> ReadInputs(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"input file {path} does not exist ({InputDescription} is expected)", path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException($"{path}: not valid UTF-8 text ({e.Message})", e);
        }
        Tensor[] inputs = lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(Encode).ToArray();
        if (inputs.Length == 0) throw new FormatException($"{path}: no inputs (every line is blank); {InputDescription} is expected");
        return inputs;
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        OpenVocabularies.Unregister(this);
    }

    private TokenizedExampleSet Encode(IReadOnlyList<string>[] tokens, IReadOnlyList<LabeledText> texts,
        Dictionary<string, int> classIndex, string where, string split)
    {
        var ids = new int[tokens.Length][];
        var labels = new int[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!classIndex.TryGetValue(texts[i].Label, out labels[i]))
                throw new FormatException($"{where}: {split} example {i + 1} has label '{texts[i].Label}', which is not one of the classes [{string.Join(", ", Classes)}]");
            ids[i] = Vocab.Encode(tokens[i], maxLength);
        }
        return new TokenizedExampleSet(ids, labels, maxLength);
    }
}
