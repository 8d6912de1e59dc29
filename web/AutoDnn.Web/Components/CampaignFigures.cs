using System.Runtime.CompilerServices;
using AutoDnn.Web.Charts;
using AutoDnn.Web.Data;

namespace AutoDnn.Web.Components;

/// <summary>The dashboard's charts by element id; the page and its live endpoint use the same list, so a refresh redraws every chart in place.</summary>
internal static class CampaignFigures
{
    // Figures depend only on the snapshot, so they are built once per snapshot (a big campaign's charts take a while).
    private static readonly ConditionalWeakTable<CampaignSnapshot, IReadOnlyList<KeyValuePair<string, PlotlyFigure>>> Cache = new();

    /// <summary>The snapshot's figures, built on first use; running trials' timeline bars end when the snapshot was read.</summary>
    public static IReadOnlyList<KeyValuePair<string, PlotlyFigure>> For(CampaignSnapshot s) => Cache.GetValue(s, x => Build(x, x.LoadedAt));

    /// <summary>Builds the fresh snapshot's figures (and their JSON) when the old snapshot's were used: someone watches this dashboard.</summary>
    public static void PrepareIfWatched(CampaignSnapshot old, CampaignSnapshot fresh)
    {
        if (Cache.TryGetValue(old, out _))
        {
            foreach (var (_, figure) in For(fresh))
            {
                figure.ToJson();
            }
        }
    }

    public static IReadOnlyList<KeyValuePair<string, PlotlyFigure>> Build(CampaignSnapshot s, DateTimeOffset now)
    {
        var figures = new List<KeyValuePair<string, PlotlyFigure>>
        {
            new("history", CampaignCharts.History(s)),
            new("parallel", CampaignCharts.ParallelCoordinates(s)),
            new("importance", CampaignCharts.Importance(s)),
        };
        figures.AddRange(CampaignCharts.Folds(s).Select(f => KeyValuePair.Create($"intermediate-{f}", CampaignCharts.Intermediate(s, f))));
        figures.AddRange(Enumerable.Range(0, s.ParamNames.Count).Select(p => KeyValuePair.Create($"slice-{p}", CampaignCharts.Slice(s, p))));
        if (CampaignCharts.Contour(s) is { } contour)
        {
            figures.Add(new("contour", contour));
        }

        figures.Add(new("timeline", CampaignCharts.Timeline(s, now)));
        return figures;
    }
}
