using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Pruners;

/// <summary>Prunes a trial whose best value so far is worse than a percentile of other trials' values at the same fold and step (Optuna's PercentilePruner).</summary>
/// <remarks>
/// Semantics follow Optuna 3.1: nothing is pruned until <c>nStartupTrials</c> trials completed, before step
/// <c>nWarmupSteps</c>, or off the <c>intervalSteps</c> grid; fewer than <c>nMinTrials</c> values at the step means no
/// decision; a trial whose values are all NaN is pruned. The trial's best value over the steps of the fold it is in is
/// compared with the percentile (numpy's linear, NaN-ignoring) of other trials' values at that fold and step. Only
/// Complete trials are compared against, as in Optuna, unless <c>includePrunedTrials</c> is set.
/// </remarks>
public sealed class PercentilePruner : IPruner
{
    public PercentilePruner(
        double percentile,
        int nStartupTrials = 5,
        int nWarmupSteps = 0,
        int intervalSteps = 1,
        int nMinTrials = 1,
        bool includePrunedTrials = false)
    {
        if (!(percentile >= 0 && percentile <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, $"percentile must be between 0 and 100 inclusive, got {percentile}.");
        }

        if (nStartupTrials < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nStartupTrials), nStartupTrials, $"nStartupTrials cannot be negative, got {nStartupTrials}.");
        }

        if (nWarmupSteps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nWarmupSteps), nWarmupSteps, $"nWarmupSteps cannot be negative, got {nWarmupSteps}.");
        }

        if (intervalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalSteps), intervalSteps, $"intervalSteps must be at least 1, got {intervalSteps}.");
        }

        if (nMinTrials < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(nMinTrials), nMinTrials, $"nMinTrials must be at least 1, got {nMinTrials}.");
        }

        Percentile = percentile;
        NStartupTrials = nStartupTrials;
        NWarmupSteps = nWarmupSteps;
        IntervalSteps = intervalSteps;
        NMinTrials = nMinTrials;
        IncludePrunedTrials = includePrunedTrials;
    }

    public double Percentile { get; }

    public int NStartupTrials { get; }

    public int NWarmupSteps { get; }

    public int IntervalSteps { get; }

    public int NMinTrials { get; }

    public bool IncludePrunedTrials { get; }

    /// <inheritdoc />
    public bool ShouldPrune(StudySnapshot study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        PrunerCurves.RequireSingleObjective(study, nameof(PercentilePruner));

        var completed = study.Trials.Where(t => t.State == TrialState.Complete && t.Number != trial.Number).ToList();
        if (completed.Count == 0 || completed.Count < NStartupTrials)
        {
            return false;
        }

        IReadOnlyList<KeyValuePair<int, double>> curve = PrunerCurves.CurrentCurve(trial, out int fold);
        if (curve.Count == 0)
        {
            return false;
        }

        int step = curve[^1].Key;
        if (step < NWarmupSteps || !PrunerCurves.IsFirstInIntervalStep(step, curve.Select(p => p.Key), NWarmupSteps, IntervalSteps))
        {
            return false;
        }

        StudyDirection direction = study.Direction;
        double best = PrunerCurves.NanBest(curve.Select(p => p.Value), direction);
        if (double.IsNaN(best))
        {
            return true;
        }

        IEnumerable<FrozenTrial> others = IncludePrunedTrials
            ? completed.Concat(study.Trials.Where(t => t.State == TrialState.Pruned && t.Number != trial.Number))
            : completed;
        var atStep = new List<double>();
        foreach (FrozenTrial other in others)
        {
            if (other.TryGetIntermediate(step, fold, out double v))
            {
                atStep.Add(v);
            }
        }

        if (atStep.Count < NMinTrials)
        {
            return false;
        }

        double q = direction == StudyDirection.Maximize ? 100 - Percentile : Percentile;
        double threshold = NanPercentile(atStep, q);
        if (double.IsNaN(threshold))
        {
            return false;
        }

        return direction == StudyDirection.Maximize ? best < threshold : best > threshold;
    }

    /// <summary>numpy.nanpercentile with linear interpolation; NaN when every value is NaN.</summary>
    internal static double NanPercentile(IEnumerable<double> values, double q)
    {
        double[] sorted = [.. values.Where(v => !double.IsNaN(v)).Order()];
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        double position = q / 100 * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        double t = position - below;
        double a = sorted[below];
        double b = sorted[above];
        double diff = b - a;

        // numpy's _lerp: interpolate from the nearer end so q = 100 returns the maximum exactly.
        return t >= 0.5 ? b - (diff * (1 - t)) : a + (diff * t);
    }
}
