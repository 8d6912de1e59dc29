using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Text.Formats;

namespace AutoDnn.Plugins.Text.Datasets;

/// <summary>
/// <c>text-file</c>: a CSV or TSV corpus with a text and a label column; the test split is a second file
/// (<c>test_path</c>) or a seeded, stratified share of the first. Classes are the training labels in ordinal order.
/// </summary>
public sealed class TextFileDataset : IDataset
{
    private static readonly string[] Known =
        ["path", "test_path", "text_column", "label_column", "delimiter", "header", .. TokenizationSettings.Keys];

    public string Name => "text-file";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.TextClassification;

    public string Description => "Labelled texts from a CSV/TSV file (RFC 4180 quoting), with an optional test file.";

    public IDataSource Open(IReadOnlyDictionary<string, string> options)
    {
        var parsed = new PluginOptions(Name, options, Known);
        string path = parsed.OptionalString("path") ?? throw new ArgumentException("text-file: option 'path' (the CSV/TSV file) is required", nameof(options));
        string? testPath = parsed.OptionalString("test_path");
        bool header = parsed.Bool("header", true);
        string textColumn = parsed.String("text_column", "text"), labelColumn = parsed.String("label_column", "label");
        char? delimiter = Delimiter(parsed);
        TokenizationSettings settings = TokenizationSettings.From(parsed);
        if (testPath is not null && parsed.Has("test_fraction"))
            throw new ArgumentException("text-file: give either test_path or test_fraction, not both", nameof(options));

        IReadOnlyList<LabeledText> texts = Read(path, textColumn, labelColumn, header, delimiter);
        string[] classes = texts.Select(t => t.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (classes.Length < 2)
            throw new FormatException($"text-file: {path} has {classes.Length} distinct label(s) in column '{labelColumn}'; classification needs at least 2");
        if (testPath is not null)
        {
            IReadOnlyList<LabeledText> testTexts = Read(testPath, textColumn, labelColumn, header, delimiter);
            return new TextDataSource(texts, testTexts, classes, settings.MaxLength, settings.MinCount, settings.MaxVocabulary, $"text-file {path} / {testPath}");
        }
        if (settings.TestFraction == 0)
            return new TextDataSource(texts, null, classes, settings.MaxLength, settings.MinCount, settings.MaxVocabulary, $"text-file {path}");
        int[] labels = texts.Select(t => Array.IndexOf(classes, t.Label)).ToArray();
        var (train, test) = StratifiedSplit.Split(labels, settings.TestFraction, settings.Seed, $"text-file {path}");
        return new TextDataSource(train.Select(i => texts[i]).ToArray(), test.Select(i => texts[i]).ToArray(), classes,
            settings.MaxLength, settings.MinCount, settings.MaxVocabulary, $"text-file {path}");
    }

    private static IReadOnlyList<LabeledText> Read(string path, string textColumn, string labelColumn, bool header, char? delimiter)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"text-file: option path = '{path}': the file does not exist", path);
        IReadOnlyList<LabeledText> texts = DelimitedTextReader.Read(path, textColumn, labelColumn, header, delimiter);
        if (texts.Count == 0) throw new FormatException($"text-file: {path} holds no examples");
        return texts;
    }

    // "tab" or "\t" for TSV, "comma", or any single character; absent: from the extension (.tsv → tab, else comma).
    private static char? Delimiter(PluginOptions parsed)
    {
        if (!parsed.Has("delimiter")) return null;
        string text = parsed.String("delimiter", "");
        return text switch
        {
            "tab" or "\\t" or "\t" => '\t',
            "comma" => ',',
            "semicolon" => ';',
            { Length: 1 } when text[0] != '"' && text[0] != '\n' && text[0] != '\r' => text[0],
            _ => throw parsed.Bad("delimiter", text, "must be one character (not a quote or newline), 'tab', 'comma' or 'semicolon'"),
        };
    }
}
