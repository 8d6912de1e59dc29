using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Pruners;

/// <summary>Asynchronous successive halving (ASHA): at each rung a trial goes on only when it is in the top 1/reductionFactor of the trials that reached that rung.</summary>
/// <remarks>
/// Semantics follow Optuna 3.1's SuccessiveHalvingPruner. Rung r is reached at step
/// <c>minResource · reductionFactor^(minEarlyStoppingRate + r)</c>. Optuna records each trial's value at a rung in a
/// system attribute; here a trial's rung value is derived from storage alone as its value at the first step it reported
/// at or after the rung's step (in the fold the judged trial is in), so every worker sees the same rungs and
/// <see cref="ShouldPrune"/> writes nothing. A rung is judged at the first report that reaches it, so call
/// <c>ShouldPrune</c> after each report. With <c>minResource</c> null ("auto") it is the last step of the first
/// completed trial divided by 100 (at least 1); nothing is pruned before a trial completed.
/// </remarks>
public sealed class SuccessiveHalvingPruner : IPruner
{
    public SuccessiveHalvingPruner(int? minResource = null, int reductionFactor = 4, int minEarlyStoppingRate = 0, int bootstrapCount = 0)
    {
        if (minResource is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minResource), minResource, $"minResource must be at least 1 or null for \"auto\", got {minResource}.");
        }

        if (reductionFactor < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(reductionFactor), reductionFactor, $"reductionFactor must be at least 2, got {reductionFactor}.");
        }

        if (minEarlyStoppingRate < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minEarlyStoppingRate), minEarlyStoppingRate, $"minEarlyStoppingRate cannot be negative, got {minEarlyStoppingRate}.");
        }

        if (bootstrapCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bootstrapCount), bootstrapCount, $"bootstrapCount cannot be negative, got {bootstrapCount}.");
        }

        if (bootstrapCount > 0 && minResource is null)
        {
            throw new ArgumentException($"bootstrapCount > 0 ({bootstrapCount}) needs an explicit minResource; it cannot be combined with \"auto\".", nameof(bootstrapCount));
        }

        MinResource = minResource;
        ReductionFactor = reductionFactor;
        MinEarlyStoppingRate = minEarlyStoppingRate;
        BootstrapCount = bootstrapCount;
    }

    /// <summary>The step of the first rung before early-stopping-rate scaling; null means "auto".</summary>
    public int? MinResource { get; }

    public int ReductionFactor { get; }

    public int MinEarlyStoppingRate { get; }

    public int BootstrapCount { get; }

    /// <inheritdoc />
    public bool ShouldPrune(StudySnapshot study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        PrunerCurves.RequireSingleObjective(study, nameof(SuccessiveHalvingPruner));

        IReadOnlyList<KeyValuePair<int, double>> curve = PrunerCurves.CurrentCurve(trial, out int fold);
        if (curve.Count == 0)
        {
            return false;
        }

        int step = curve[^1].Key;
        double value = curve[^1].Value;
        int previousStep = curve.Count > 1 ? curve[^2].Key : -1;
        long? minResource = MinResource ?? EstimateMinResource(study);
        if (minResource is not { } resource)
        {
            return false;
        }

        for (int rung = 0; ; rung++)
        {
            double promotion = resource * Math.Pow(ReductionFactor, MinEarlyStoppingRate + rung);
            if (step < promotion)
            {
                return false;
            }

            long promotionStep = (long)promotion;
            if (promotionStep <= previousStep)
            {
                // Judged at the earlier report that reached it; promotion is final in asynchronous halving.
                continue;
            }

            if (double.IsNaN(value))
            {
                return true;
            }

            List<double> competing = RungValues(study, trial.Number, fold, promotionStep);
            competing.Add(value);

            // `competing` includes this trial, hence <=.
            if (competing.Count <= BootstrapCount || !IsPromotable(value, competing, study.Direction))
            {
                return true;
            }
        }
    }

    private static long? EstimateMinResource(StudySnapshot study) =>
        PrunerCurves.FirstCompleted(study) is { LastStep: { } last } ? Math.Max(last / 100, 1) : null;

    private static List<double> RungValues(StudySnapshot study, int exceptNumber, int fold, long promotionStep)
    {
        var values = new List<double>();
        foreach (FrozenTrial other in study.Trials)
        {
            if (other.Number != exceptNumber
                && PrunerCurves.TryFirstAtOrAfter(other, fold, promotionStep, out double v)
                && !double.IsNaN(v))
            {
                values.Add(v);
            }
        }

        return values;
    }

    private bool IsPromotable(double value, List<double> competing, StudyDirection direction)
    {
        // For the first reductionFactor - 1 trials at a rung Optuna promotes only the best so far (it cannot pause trials).
        int promotableIndex = Math.Max((competing.Count / ReductionFactor) - 1, 0);
        competing.Sort();
        return direction == StudyDirection.Maximize
            ? value >= competing[^(promotableIndex + 1)]
            : value <= competing[promotableIndex];
    }
}
