using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Pruners;

/// <summary>Prunes a trial whose per-fold values are significantly worse than the best trial's on the same folds, by a one-sided Wilcoxon signed-rank test (Optuna's WilcoxonPruner).</summary>
/// <remarks>
/// As in Optuna (≥ 3.6): the differences trial − best over shared instances are tested ("greater" when minimizing,
/// "less" when maximizing) and the trial is pruned when p &lt; <c>pThreshold</c>, except that it is kept while its
/// average over its instances is at least as good as the best trial's average over all of its instances (the test
/// may be fooled by a few folds). Nothing is pruned with fewer than <c>nStartupSteps</c> pairs, without a completed
/// feasible trial, or when either trial has a NaN or infinite instance value. Instances are folds by default
/// (<see cref="WilcoxonInstances"/>). The p-value comes from <see cref="WilcoxonSignedRank"/> (exact up to 50 pairs).
/// </remarks>
public sealed class WilcoxonPruner : IPruner
{
    public WilcoxonPruner(double pThreshold = 0.1, int nStartupSteps = 2, WilcoxonInstances instances = WilcoxonInstances.Folds)
    {
        if (!(pThreshold >= 0 && pThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(pThreshold), pThreshold, $"pThreshold must be between 0 and 1, got {pThreshold}.");
        }

        if (nStartupSteps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nStartupSteps), nStartupSteps, $"nStartupSteps cannot be negative, got {nStartupSteps}.");
        }

        if (!Enum.IsDefined(instances))
        {
            throw new ArgumentOutOfRangeException(nameof(instances), instances, $"Unknown WilcoxonInstances value {instances}.");
        }

        PThreshold = pThreshold;
        NStartupSteps = nStartupSteps;
        Instances = instances;
    }

    public double PThreshold { get; }

    /// <summary>The fewest paired instances (folds, or steps) before the test is trusted.</summary>
    public int NStartupSteps { get; }

    public WilcoxonInstances Instances { get; }

    /// <inheritdoc />
    public bool ShouldPrune(StudySnapshot study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        PrunerCurves.RequireSingleObjective(study, nameof(WilcoxonPruner));

        StudyDirection direction = study.Direction;
        Dictionary<IntermediateKey, double> own = InstanceValues(trial);
        if (own.Count == 0 || own.Values.Any(v => !double.IsFinite(v)))
        {
            return false;
        }

        var completed = study.Trials.Where(t => t.State == TrialState.Complete && t.IsFeasible && t.Number != trial.Number && t.Value is not null);
        FrozenTrial? best = direction == StudyDirection.Minimize ? completed.MinBy(t => t.Value) : completed.MaxBy(t => t.Value);
        if (best is null)
        {
            return false;
        }

        Dictionary<IntermediateKey, double> bestValues = InstanceValues(best);
        if (bestValues.Count == 0 || bestValues.Values.Any(v => !double.IsFinite(v)))
        {
            return false;
        }

        List<double> differences = Differences(trial, best, own, bestValues);
        if (differences.Count == 0 || differences.Count < NStartupSteps)
        {
            return false;
        }

        double p = WilcoxonSignedRank.PValue(
            differences,
            direction == StudyDirection.Minimize ? WilcoxonAlternative.Greater : WilcoxonAlternative.Less);
        double ownAverage = own.Values.Average();
        double bestAverage = bestValues.Values.Average();
        bool averageIsBest = direction == StudyDirection.Minimize ? bestAverage >= ownAverage : bestAverage <= ownAverage;
        return p < PThreshold && !averageIsBest;
    }

    /// <summary>The trial's instances: every (fold, step), or one per fold (keyed (fold, 0)) holding its latest value.</summary>
    private Dictionary<IntermediateKey, double> InstanceValues(FrozenTrial trial) =>
        Instances == WilcoxonInstances.Steps
            ? trial.IntermediateValues.ToDictionary(p => p.Key, p => p.Value)
            : trial.Folds.ToDictionary(f => new IntermediateKey(f, 0), f => trial.Curve(f)[^1].Value);

    /// <summary>trial − best over shared instances; per fold at the latest step both reported, so equal resources are compared.</summary>
    private List<double> Differences(FrozenTrial trial, FrozenTrial best, Dictionary<IntermediateKey, double> own, Dictionary<IntermediateKey, double> bestValues)
    {
        var differences = new List<double>();
        if (Instances == WilcoxonInstances.Steps)
        {
            foreach ((IntermediateKey key, double value) in own)
            {
                if (bestValues.TryGetValue(key, out double other))
                {
                    differences.Add(value - other);
                }
            }

            return differences;
        }

        foreach (int fold in trial.Folds)
        {
            var bestCurve = best.Curve(fold).ToDictionary(p => p.Key, p => p.Value);
            var shared = trial.Curve(fold).Where(p => bestCurve.ContainsKey(p.Key)).ToList();
            if (shared.Count > 0 && double.IsFinite(bestCurve[shared[^1].Key]) && double.IsFinite(shared[^1].Value))
            {
                differences.Add(shared[^1].Value - bestCurve[shared[^1].Key]);
            }
        }

        return differences;
    }
}
