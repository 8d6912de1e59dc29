using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Text.Formats;

namespace AutoDnn.Plugins.Text.Datasets;

/// <summary>
/// <c>fortunes</c>: which fortune(6) file an entry comes from. Each category is a file of entries separated by lines
/// holding only <c>%</c>; a seeded, stratified split holds out a test set; the vocabulary comes from the training split.
/// </summary>
public sealed class FortunesDataset : IDataset
{
    /// <summary>Five topically distinct categories of Debian's <c>fortunes</c> package, each with about 200 or more entries.</summary>
    public static readonly IReadOnlyList<string> DefaultCategories = ["computers", "food", "law", "science", "startrek"];

    private static readonly string[] Known = ["path", "categories", .. TokenizationSettings.Keys];

    public string Name => "fortunes";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.TextClassification;

    public string Description => "Fortune-cookie entries labelled with their category file (default: computers, food, law, science, startrek).";

    public IDataSource Open(IReadOnlyDictionary<string, string> options)
    {
        var parsed = new PluginOptions(Name, options, Known);
        string folder = parsed.String("path", FortuneReader.DebianFolder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"fortunes: option path = '{folder}': the folder does not exist (Debian: apt install fortunes)");
        IReadOnlyList<string> categories = parsed.Has("categories")
            ? parsed.String("categories", "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : DefaultCategories;
        if (categories.Count < 2)
            throw parsed.Bad("categories", parsed.String("categories", ""), "must name at least two categories, separated by commas");
        if (categories.Distinct(StringComparer.Ordinal).Count() != categories.Count)
            throw parsed.Bad("categories", string.Join(",", categories), "names a category twice");
        TokenizationSettings settings = TokenizationSettings.From(parsed);

        var texts = new List<LabeledText>();
        var labels = new List<int>();
        for (int c = 0; c < categories.Count; c++)
        {
            IReadOnlyList<LabeledText> entries = FortuneReader.Read(categories[c], folder);
            if (entries.Count < 2)
                throw new FormatException($"fortunes: category '{categories[c]}' in {folder} has {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}; at least 2 are needed");
            texts.AddRange(entries);
            labels.AddRange(Enumerable.Repeat(c, entries.Count));
        }

        string where = $"fortunes in {folder}";
        if (settings.TestFraction == 0)
            return new TextDataSource(texts, null, categories, settings.MaxLength, settings.MinCount, settings.MaxVocabulary, where);
        var (train, test) = StratifiedSplit.Split(labels, settings.TestFraction, settings.Seed, where);
        return new TextDataSource(train.Select(i => texts[i]).ToArray(), test.Select(i => texts[i]).ToArray(), categories,
            settings.MaxLength, settings.MinCount, settings.MaxVocabulary, where);
    }
}
