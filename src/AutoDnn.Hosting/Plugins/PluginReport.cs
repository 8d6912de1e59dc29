using System.Globalization;
using System.Text;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Hosting.Plugins;

/// <summary>Plain-text renderings of the catalog and of an inspection, as `autodnn plugins list|inspect` prints them.</summary>
public static class PluginReport
{
    /// <summary>How many hex digits of the SHA-256 the listing shows.</summary>
    public const int ShaPrefixLength = 12;

    /// <summary>One header line and one line per entry: name, kind, task, version, assembly, SHA-256 prefix, status.</summary>
    public static string Listing(IEnumerable<PluginEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = new List<string[]> { new[] { "NAME", "KIND", "TASK", "VERSION", "ASSEMBLY", "SHA256", "STATUS" } };
        rows.AddRange(entries.Select(e => new[]
        {
            e.Name ?? "-",
            e.Kind?.ToString() ?? "-",
            e.Task?.ToString() ?? "-",
            e.Version ?? "-",
            e.AssemblyFile,
            e.Sha256[..ShaPrefixLength],
            e.IsLoaded ? "ok" : $"{e.Status}: {e.Error}",
        }));
        return Table(rows);
    }

    /// <summary>The plugin's description and its traced hyperparameters: name, type, range, default.</summary>
    public static string Inspection(PluginInspection inspection)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        PluginEntry e = inspection.Entry;
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{e.Name} {e.Version} ({e.Kind}, {e.Task})")
            .AppendLine(CultureInfo.InvariantCulture, $"  {e.Description}")
            .AppendLine(CultureInfo.InvariantCulture, $"  {e.TypeName} in {e.AssemblyPath}")
            .AppendLine(CultureInfo.InvariantCulture, $"  sha256 {e.Sha256}")
            .AppendLine(CultureInfo.InvariantCulture, $"  traced for {inspection.TracedFor}")
            .AppendLine();
        if (inspection.Parameters.Count == 0)
        {
            return text.AppendLine("no hyperparameters").ToString();
        }

        var rows = new List<string[]> { new[] { "PARAMETER", "TYPE", "RANGE", "DEFAULT" } };
        rows.AddRange(inspection.Parameters.Select(p => new[]
        {
            p.Name, TypeOf(p.Distribution), Range(p.Distribution), CategoricalChoice.Format(p.DefaultValue),
        }));
        return text.Append(Table(rows)).ToString();
    }

    private static string TypeOf(Distribution d) => d switch
    {
        FloatDistribution => "float",
        IntDistribution => "int",
        CategoricalDistribution => "categorical",
        _ => d.GetType().Name,
    };

    private static string Range(Distribution d) => d switch
    {
        FloatDistribution f => $"[{Number(f.Low)}, {Number(f.High)}]{(f.Log ? " log" : string.Empty)}{(f.Step is { } s ? $" step {Number(s)}" : string.Empty)}",
        IntDistribution i => $"[{i.Low}, {i.High}]{(i.Log ? " log" : string.Empty)}{(i.Step != 1 ? $" step {i.Step}" : string.Empty)}",
        CategoricalDistribution c => $"{{{string.Join(", ", c.Choices.Select(CategoricalChoice.Format))}}}",
        _ => d.ToJson(),
    };

    private static string Number(double x) => x.ToString("G", CultureInfo.InvariantCulture);

    private static string Table(List<string[]> rows)
    {
        int columns = rows[0].Length;
        int[] widths = [.. Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length))];
        var text = new StringBuilder();
        foreach (string[] row in rows)
        {
            // The last column is not padded: it holds the long status messages.
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c == columns - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }

        return text.ToString();
    }
}
