using AutoDnn.Search.Storage;
using AutoDnn.Web.Data;

namespace AutoDnn.Web.Components;

/// <summary>One row of the compare table: a label, one text per trial, and whether the texts differ.</summary>
internal sealed record CompareRow(string Label, IReadOnlyList<string> Cells)
{
    public bool Differs => Cells.Distinct(StringComparer.Ordinal).Skip(1).Any();

    /// <summary>State and values, every parameter, every mean metric, then provenance; only differing rows when asked.</summary>
    public static IReadOnlyList<CompareRow> Build(StudyRecord study, IReadOnlyList<ComparedTrial> trials, bool differencesOnly)
    {
        var rows = new List<CompareRow> { new("State", [.. trials.Select(t => t.Trial.State.ToString())]) };
        for (int k = 0; k < study.Directions.Count; k++)
        {
            int objective = k;
            rows.Add(new(study.Directions.Count > 1 ? $"Value {k}" : "Value", [.. trials.Select(t =>
                t.Trial.Values is { } v && v.Count > objective ? CampaignSnapshot.Format(v[objective]) : "–")]));
        }

        foreach (string name in trials.SelectMany(t => t.Trial.Distributions.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            rows.Add(new($"param {name}", [.. trials.Select(t =>
                t.Trial.InternalParams.TryGetValue(name, out double v) ? CampaignSnapshot.Format(t.Trial.Distributions[name].ToExternal(v)) : "(absent)")]));
        }

        var details = trials.Select(t => TrialDetails.Of(t.Trial)).ToList();
        foreach (string metric in details.SelectMany(d => d.Metrics.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            rows.Add(new($"metric {metric}", [.. details.Select(d => d.Metrics.TryGetValue(metric, out double v) ? CampaignSnapshot.Format(v) : "")]));
        }

        var provenance = trials.Select(t => ProvenanceFields.Of(t.Provenance)).ToList();
        for (int i = 0; i < provenance[0].Count; i++)
        {
            int field = i;
            rows.Add(new($"provenance {provenance[0][i].Key}", [.. provenance.Select(p => p[field].Value)]));
        }

        return differencesOnly ? [.. rows.Where(r => r.Differs)] : rows;
    }
}
