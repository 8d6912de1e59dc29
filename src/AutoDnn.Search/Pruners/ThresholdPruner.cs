using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Pruners;

/// <summary>Prunes a trial whose latest value leaves [lower, upper] or is NaN (Optuna's ThresholdPruner), e.g. to stop a diverging loss.</summary>
/// <remarks>The latest value is the last one of the fold the trial is in; warm-up and interval steps count in that fold.</remarks>
public sealed class ThresholdPruner : IPruner
{
    public ThresholdPruner(double? lower = null, double? upper = null, int nWarmupSteps = 0, int intervalSteps = 1)
    {
        if (lower is null && upper is null)
        {
            throw new ArgumentException("ThresholdPruner needs a lower bound, an upper bound or both.", nameof(lower));
        }

        if (lower is { } l && double.IsNaN(l))
        {
            throw new ArgumentOutOfRangeException(nameof(lower), lower, "lower must be a number, got NaN.");
        }

        if (upper is { } u && double.IsNaN(u))
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, "upper must be a number, got NaN.");
        }

        Lower = lower ?? double.NegativeInfinity;
        Upper = upper ?? double.PositiveInfinity;
        if (Lower > Upper)
        {
            throw new ArgumentException($"lower ({Lower}) must not be greater than upper ({Upper}).", nameof(lower));
        }

        if (nWarmupSteps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nWarmupSteps), nWarmupSteps, $"nWarmupSteps cannot be negative, got {nWarmupSteps}.");
        }

        if (intervalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalSteps), intervalSteps, $"intervalSteps must be at least 1, got {intervalSteps}.");
        }

        NWarmupSteps = nWarmupSteps;
        IntervalSteps = intervalSteps;
    }

    /// <summary>Values below this are pruned; −∞ when not given.</summary>
    public double Lower { get; }

    /// <summary>Values above this are pruned; +∞ when not given.</summary>
    public double Upper { get; }

    public int NWarmupSteps { get; }

    public int IntervalSteps { get; }

    /// <inheritdoc />
    public bool ShouldPrune(StudySnapshot study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        PrunerCurves.RequireSingleObjective(study, nameof(ThresholdPruner));

        IReadOnlyList<KeyValuePair<int, double>> curve = PrunerCurves.CurrentCurve(trial, out _);
        if (curve.Count == 0)
        {
            return false;
        }

        int step = curve[^1].Key;
        if (step < NWarmupSteps || !PrunerCurves.IsFirstInIntervalStep(step, curve.Select(p => p.Key), NWarmupSteps, IntervalSteps))
        {
            return false;
        }

        double latest = curve[^1].Value;
        return double.IsNaN(latest) || latest < Lower || latest > Upper;
    }
}
