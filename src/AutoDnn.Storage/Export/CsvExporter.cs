using System.Globalization;
using AutoDnn.Search.Trials;

namespace AutoDnn.Storage.Export;

/// <summary>Writes a study's trials as CSV (RFC 4180), one row per trial, with columns like Optuna's trials_dataframe.</summary>
/// <remarks>
/// Columns: number, state, value (or values_0, values_1, … for several objectives), datetime_start, datetime_complete
/// (ISO 8601 UTC), duration_s, then params_NAME for every parameter (user-facing values; empty where a trial lacks one).
/// </remarks>
public static class CsvExporter
{
    public static void Write(StudyExport export, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(writer);
        int objectives = export.Study.Directions.Count;
        IReadOnlyList<string> names = export.ParamNames;
        var header = new List<string> { "number", "state" };
        header.AddRange(objectives == 1 ? ["value"] : Enumerable.Range(0, objectives).Select(i => $"values_{i}"));
        header.AddRange(["datetime_start", "datetime_complete", "duration_s"]);
        header.AddRange(names.Select(n => $"params_{n}"));
        writer.WriteLine(string.Join(',', header.Select(Quote)));
        foreach (FrozenTrial trial in export.Trials)
        {
            var row = new List<string> { trial.Number.ToString(CultureInfo.InvariantCulture), trial.State.ToString() };
            row.AddRange(Enumerable.Range(0, objectives).Select(i => trial.Values is { } v ? Number(v[i]) : string.Empty));
            row.Add(trial.StartedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty);
            row.Add(trial.FinishedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty);
            row.Add(trial.StartedAt is { } s && trial.FinishedAt is { } f ? Number((f - s).TotalSeconds) : string.Empty);
            row.AddRange(names.Select(n => trial.Params.TryGetValue(n, out object? p) ? Value(p) : string.Empty));
            writer.WriteLine(string.Join(',', row.Select(Quote)));
        }
    }

    private static string Value(object? value) => value switch
    {
        null => string.Empty,
        double d => Number(d),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
