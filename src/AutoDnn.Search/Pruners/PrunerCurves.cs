using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Pruners;

/// <summary>Shared reading of learning curves for pruners: the fold a trial is in, its steps, NaN-aware bests.</summary>
/// <remarks>
/// Folds run one after another, so the fold a trial is in now is the highest fold it reported; a trial in fold f is
/// judged on its fold-f curve against other trials' fold-f curves, which keeps cross-validation curves comparable.
/// </remarks>
internal static class PrunerCurves
{
    /// <summary>The fold the trial reported last (its highest), or null when it reported nothing.</summary>
    public static int? CurrentFold(FrozenTrial trial) =>
        trial.IntermediateValues.Count == 0 ? null : trial.IntermediateValues.Keys.Max(k => k.Fold);

    /// <summary>The (step, value) curve of the fold the trial is in now; empty when it reported nothing.</summary>
    public static IReadOnlyList<KeyValuePair<int, double>> CurrentCurve(FrozenTrial trial, out int fold)
    {
        fold = CurrentFold(trial) ?? 0;
        return trial.Curve(fold);
    }

    /// <summary>
    /// Optuna's <c>_is_first_in_interval_step</c>: true when no earlier reported step falls at or after the pruning
    /// step that <paramref name="step"/> belongs to, so a trial is judged once per interval.
    /// </summary>
    public static bool IsFirstInIntervalStep(int step, IEnumerable<int> steps, int warmupSteps, int intervalSteps)
    {
        int nearestLowerPruningStep = ((step - warmupSteps) / intervalSteps * intervalSteps) + warmupSteps;
        int secondLastStep = -1;
        foreach (int s in steps)
        {
            if (s > secondLastStep && s != step)
            {
                secondLastStep = s;
            }
        }

        return secondLastStep < nearestLowerPruningStep;
    }

    /// <summary>The best value for the direction ignoring NaN (numpy's nanmin/nanmax); NaN when all are NaN or none.</summary>
    public static double NanBest(IEnumerable<double> values, StudyDirection direction)
    {
        double best = double.NaN;
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            if (double.IsNaN(best) || (direction == StudyDirection.Minimize ? v < best : v > best))
            {
                best = v;
            }
        }

        return best;
    }

    /// <summary>The value reported at the first step ≥ <paramref name="step"/> in a fold (the value a rung saw), if any.</summary>
    public static bool TryFirstAtOrAfter(FrozenTrial trial, int fold, long step, out double value)
    {
        foreach (KeyValuePair<IntermediateKey, double> p in trial.IntermediateValues)
        {
            if (p.Key.Fold == fold && p.Key.Step >= step)
            {
                value = p.Value;
                return true;
            }
        }

        value = double.NaN;
        return false;
    }

    /// <summary>
    /// The completed trial that finished first (then by number): pruners whose "auto" resource Optuna estimates once and
    /// caches estimate it from this trial, so every worker derives the same value from storage alone.
    /// </summary>
    public static FrozenTrial? FirstCompleted(StudySnapshot study) =>
        study.Trials
            .Where(t => t.State == TrialState.Complete && t.LastStep is not null)
            .OrderBy(t => t.FinishedAt ?? DateTimeOffset.MaxValue)
            .ThenBy(t => t.Number)
            .FirstOrDefault();

    /// <summary>Throws the error Optuna gives for pruning a multi-objective study.</summary>
    public static void RequireSingleObjective(StudySnapshot study, string pruner)
    {
        if (study.IsMultiObjective)
        {
            throw new InvalidOperationException(
                $"{pruner} does not support multi-objective studies (study '{study.Name}' has {study.Directions.Count} objectives).");
        }
    }
}
