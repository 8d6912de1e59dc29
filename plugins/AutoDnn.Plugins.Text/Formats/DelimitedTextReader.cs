using System.Text;

namespace AutoDnn.Plugins.Text.Formats;

/// <summary>
/// Reads text+label corpora from CSV or TSV (delimiter given, or from the extension: .tsv → tab, else comma), RFC 4180
/// quoting (quoted fields may hold delimiters, doubled quotes and newlines), an optional header row naming the columns.
/// Without a header, columns are 0-based indices ("text" and "label" then mean columns 0 and 1).
/// </summary>
public static class DelimitedTextReader
{
    public static IReadOnlyList<LabeledText> Read(string path, string textColumn = "text", string labelColumn = "label", bool hasHeader = true,
        char? delimiter = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"text corpus {path} does not exist", path);
        char separator = delimiter ?? (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');
        List<List<string>> rows = Parse(File.ReadAllText(path, Encoding.UTF8), separator, path);
        if (rows.Count == 0) throw new FormatException($"{path}: the file is empty");
        int textIndex, labelIndex;
        if (!hasHeader)
        {
            textIndex = ColumnIndex(textColumn, "text", 0, path);
            labelIndex = ColumnIndex(labelColumn, "label", 1, path);
        }
        else
        {
            List<string> header = rows[0];
            textIndex = header.IndexOf(textColumn);
            labelIndex = header.IndexOf(labelColumn);
            if (textIndex < 0 || labelIndex < 0)
                throw new FormatException($"{path}: header has columns [{string.Join(", ", header)}]; expected '{textColumn}' and '{labelColumn}'");
            rows.RemoveAt(0);
        }
        var examples = new List<LabeledText>(rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            int line = r + (hasHeader ? 2 : 1);
            if (rows[r].Count == 1 && rows[r][0].Length == 0) continue; // blank line
            if (rows[r].Count <= Math.Max(textIndex, labelIndex))
                throw new FormatException($"{path}: row {line} has {rows[r].Count} field(s), needs at least {Math.Max(textIndex, labelIndex) + 1}");
            examples.Add(new LabeledText(rows[r][textIndex], rows[r][labelIndex]));
        }
        return examples;
    }

    // Without a header a column is a 0-based index; the default names stand for the first two columns.
    private static int ColumnIndex(string column, string defaultName, int defaultIndex, string path)
    {
        if (column == defaultName) return defaultIndex;
        if (int.TryParse(column, System.Globalization.CultureInfo.InvariantCulture, out int index) && index >= 0) return index;
        throw new FormatException($"{path}: without a header row, columns are 0-based indices, got '{column}'");
    }

    private static List<List<string>> Parse(string text, char delimiter, string path)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            any = true;
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = new List<string>();
                any = false;
            }
            else field.Append(c);
        }
        if (quoted) throw new FormatException($"{path}: a quoted field is not closed before the end of the file");
        if (any) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
