using System.Globalization;
using AutoDnn.Search.Trials;
using AutoDnn.Web.Data;

namespace AutoDnn.Web.Components;

/// <summary>The texts of a campaign's live numbers, keyed as the pages mark them (data-live-field), shared by pages and the live endpoints.</summary>
internal static class LiveFields
{
    /// <summary>The states in the order the pages list them.</summary>
    public static readonly IReadOnlyList<TrialState> States =
        [TrialState.Complete, TrialState.Running, TrialState.Waiting, TrialState.Pruned, TrialState.Fail];

    /// <summary>Ordered key → text pairs: total, every state, best, start time, running workers.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Of(CampaignSummary c)
    {
        string p = $"c{c.StudyId}.";
        var fields = new List<KeyValuePair<string, string>> { new(p + "total", c.Total.ToString(CultureInfo.InvariantCulture)) };
        fields.AddRange(States.Select(s => KeyValuePair.Create(p + s.ToString().ToLowerInvariant(), c.Count(s).ToString(CultureInfo.InvariantCulture))));
        fields.Add(new(p + "best", Best(c)));
        fields.Add(new(p + "started", c.StartedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "–"));
        fields.Add(new(p + "workers", c.RunningWorkers.Count == 0 ? "–" : string.Join(", ", c.RunningWorkers)));
        return fields;
    }

    /// <summary>"0.123 (#7)" for single-objective studies, "Pareto front: n trials" for multi-objective ones, "–" before any result.</summary>
    public static string Best(CampaignSummary c) =>
        c.Directions.Count > 1
            ? c.ParetoSize == 0 ? "–" : $"Pareto front: {c.ParetoSize} trials"
            : c.Best is { } best ? $"{CampaignSnapshot.Format(best.Values![0])} (#{best.Number})" : "–";

    public static string Fingerprint(IEnumerable<CampaignSummary> campaigns) =>
        string.Join('|', campaigns.Select(c => $"{c.StudyId}:{c.Fingerprint}"));
}
