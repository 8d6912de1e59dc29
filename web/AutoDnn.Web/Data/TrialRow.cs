using AutoDnn.Search.Trials;

namespace AutoDnn.Web.Data;

/// <summary>One trial flattened for tables, filters and CSV: parameters aligned to the campaign's parameter names.</summary>
public sealed record TrialRow
{
    public required FrozenTrial Trial { get; init; }

    /// <summary>Objective values; null before the trial is told.</summary>
    public IReadOnlyList<double>? Values => Trial.Values;

    /// <summary>User-facing parameter values in the order of <see cref="CampaignSnapshot.ParamNames"/>; null where absent.</summary>
    public required object?[] Params { get; init; }

    /// <summary>Internal (numeric) parameter values in the same order; NaN where absent.</summary>
    public required double[] InternalParams { get; init; }

    /// <summary>The worker that ran the trial (user attribute "worker"), or null.</summary>
    public string? Worker { get; init; }

    public TimeSpan? Duration => Trial.StartedAt is { } s && Trial.FinishedAt is { } f ? f - s : null;
}
