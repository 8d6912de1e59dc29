using System.Globalization;
using System.Text;

namespace AutoDnn.Web.Data;

/// <summary>Writes a selection of trials as CSV (RFC 4180 quoting): number, state, values, parameters, times, worker.</summary>
internal static class TrialCsv
{
    public static string Write(CampaignSnapshot snapshot, IReadOnlyList<TrialRow> rows)
    {
        var text = new StringBuilder();
        var header = new List<string> { "number", "state" };
        header.AddRange(snapshot.IsMultiObjective ? Enumerable.Range(0, snapshot.Study.Directions.Count).Select(k => $"value_{k}") : ["value"]);
        header.AddRange(snapshot.ParamNames.Select(n => $"params_{n}"));
        header.AddRange(["datetime_start", "datetime_complete", "duration_s", "worker"]);
        Line(text, header);
        foreach (TrialRow row in rows)
        {
            var cells = new List<string> { row.Trial.Number.ToString(CultureInfo.InvariantCulture), row.Trial.State.ToString() };
            cells.AddRange(Enumerable.Range(0, snapshot.Study.Directions.Count).Select(k =>
                row.Values is { } v && v.Count > k ? v[k].ToString("R", CultureInfo.InvariantCulture) : ""));
            cells.AddRange(row.Params.Select(p => p is double d ? d.ToString("R", CultureInfo.InvariantCulture) : CampaignSnapshot.Format(p)));
            cells.Add(row.Trial.StartedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "");
            cells.Add(row.Trial.FinishedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "");
            cells.Add(row.Duration?.TotalSeconds.ToString("R", CultureInfo.InvariantCulture) ?? "");
            cells.Add(row.Worker ?? "");
            Line(text, cells);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Quote));
        text.Append("\r\n");
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
