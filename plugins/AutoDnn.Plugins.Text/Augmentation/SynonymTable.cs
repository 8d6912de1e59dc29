using System.Text;
using AutoDnn.Plugins.Text.Tokenization;

namespace AutoDnn.Plugins.Text.Augmentation;

/// <summary>
/// Synonym groups read from a text file: one group per line, words separated by commas or whitespace, every word a
/// synonym of the others in its line; '#' starts a comment. Words are lower-cased like the tokenizer's output.
/// </summary>
public sealed class SynonymTable
{
    /// <summary>The environment variable that names the synonyms file.</summary>
    public const string EnvironmentVariable = "AUTODNN_SYNONYMS";

    private readonly Dictionary<string, HashSet<string>> synonyms;

    private SynonymTable(Dictionary<string, HashSet<string>> synonyms) => this.synonyms = synonyms;

    /// <summary>Where the file is looked for when <see cref="EnvironmentVariable"/> is unset: ~/.local/share/autodnn/synonyms.txt.</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "autodnn", "synonyms.txt");

    /// <summary>Words that have at least one synonym.</summary>
    public int Count => synonyms.Count;

    /// <summary>The file from the environment variable, else the default path; a clear error when neither exists.</summary>
    public static SynonymTable Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!File.Exists(fromEnvironment))
                throw new FileNotFoundException($"synonym-replacement: {EnvironmentVariable} = '{fromEnvironment}', but that file does not exist", fromEnvironment);
            return Load(fromEnvironment);
        }
        if (File.Exists(DefaultPath)) return Load(DefaultPath);
        throw new FileNotFoundException(
            $"synonym-replacement needs a synonyms file: set {EnvironmentVariable} to its path or put it at {DefaultPath} "
            + "(one group of synonyms per line, words separated by commas or spaces; see docs/plugins/TEXT.md)", DefaultPath);
    }

    public static SynonymTable Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"synonyms file {path} does not exist", path);
        var table = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        int line = 0;
        foreach (string raw in File.ReadLines(path, Encoding.UTF8))
        {
            line++;
            string content = raw.Split('#')[0];
            string[] words = content.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
            if (words.Length == 1)
                throw new FormatException($"{path}: line {line} holds one word ('{words[0]}'); a group needs at least two synonyms");
            foreach (string word in words)
            {
                if (!table.TryGetValue(word, out HashSet<string>? set)) table[word] = set = new HashSet<string>(StringComparer.Ordinal);
                foreach (string other in words)
                    if (other != word) set.Add(other);
            }
        }
        if (table.Count == 0) throw new FormatException($"{path}: no synonym groups (one group per line, words separated by commas or spaces)");
        return new SynonymTable(table);
    }

    /// <summary>For each token id, the ids of its synonyms in <paramref name="vocabulary"/> (sorted; words outside it are dropped).</summary>
    public IReadOnlyDictionary<long, long[]> ToIds(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var ids = new Dictionary<long, long[]>();
        foreach (var (word, others) in synonyms)
        {
            int id = vocabulary.IdOf(word);
            if (id == Vocabulary.UnknownId) continue;
            long[] known = others.Select(vocabulary.IdOf).Where(o => o != Vocabulary.UnknownId).Select(o => (long)o).Order().ToArray();
            if (known.Length > 0) ids[id] = known;
        }
        return ids;
    }
}
