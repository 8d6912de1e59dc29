using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Web.Data;

/// <summary>The numbers a campaign shows at a glance: trials by state, the best result, when it started, who is running it.</summary>
public sealed record CampaignSummary
{
    public required long StudyId { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<StudyDirection> Directions { get; init; }

    public required int Total { get; init; }

    /// <summary>Count of trials per state (every state present, zero when none).</summary>
    public required IReadOnlyDictionary<TrialState, int> ByState { get; init; }

    /// <summary>The best completed trial (single objective), or null.</summary>
    public FrozenTrial? Best { get; init; }

    /// <summary>Size of the Pareto front (multi-objective studies), else 0.</summary>
    public int ParetoSize { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The workers of the Running trials (their "worker" attribute), sorted.</summary>
    public required IReadOnlyList<string> RunningWorkers { get; init; }

    /// <summary>Changes whenever a trial is added or changes state; open pages compare it to decide to redraw.</summary>
    public required string Fingerprint { get; init; }

    public int Count(TrialState state) => ByState.TryGetValue(state, out int n) ? n : 0;
}
