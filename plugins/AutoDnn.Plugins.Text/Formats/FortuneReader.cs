using System.Text;

namespace AutoDnn.Plugins.Text.Formats;

/// <summary>
/// Reads fortune(6) files: entries separated by lines holding only <c>%</c>; the category is the file name.
/// Prefers the UTF-8 twin (<c>name.u8</c>) Debian ships, else reads the file as Latin-1.
/// </summary>
public static class FortuneReader
{
    /// <summary>Default folder of Debian's <c>fortunes</c> package.</summary>
    public const string DebianFolder = "/usr/share/games/fortunes";

    /// <summary>Category names available in <paramref name="folder"/>: its files without an extension (strfile's
    /// <c>.dat</c> indexes and Debian's <c>.u8</c> twins are not categories themselves).</summary>
    public static IReadOnlyList<string> Categories(string folder = DebianFolder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"fortune folder {folder} does not exist (Debian: apt install fortunes)");
        return Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .Where(name => !string.IsNullOrEmpty(name) && !Path.HasExtension(name))
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Every non-empty entry of one category, labeled with the category, in file order.</summary>
    public static IReadOnlyList<LabeledText> Read(string category, string folder = DebianFolder)
    {
        string plain = Path.Combine(folder, category);
        string utf8 = plain + ".u8";
        if (!File.Exists(plain) && !File.Exists(utf8))
        {
            string known = Directory.Exists(folder) ? string.Join(", ", Categories(folder)) : "(folder missing)";
            throw new FileNotFoundException($"fortune category '{category}' not found in {folder}; categories: {known}", plain);
        }
        string text = File.Exists(utf8) ? File.ReadAllText(utf8, Encoding.UTF8) : File.ReadAllText(plain, Encoding.Latin1);
        return Split(text).Select(entry => new LabeledText(entry, category)).ToArray();
    }

    /// <summary>Splits fortune-file text at lines that hold only '%'; entries are trimmed, empty ones dropped.</summary>
    public static IEnumerable<string> Split(string text)
    {
        var entry = new StringBuilder();
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line == "%")
            {
                if (entry.ToString().Trim() is { Length: > 0 } done) yield return done;
                entry.Clear();
            }
            else
            {
                entry.Append(line).Append('\n');
            }
        }
        if (entry.ToString().Trim() is { Length: > 0 } last) yield return last;
    }
}
