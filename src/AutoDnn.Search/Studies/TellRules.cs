using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Studies;

/// <summary>What Tell stores for each final state: value checks, NaN → Fail, a pruned trial's last reported value.</summary>
internal static class TellRules
{
    public static (TrialState State, IReadOnlyList<double>? Values, string? FailReason) Normalize(
        string studyName,
        int objectives,
        FrozenTrial current,
        TrialState state,
        IReadOnlyList<double>? values)
    {
        switch (state)
        {
            case TrialState.Complete:
                RequireCount(studyName, objectives, values ?? throw new ArgumentException("Complete needs objective values.", nameof(values)));
                return values.Any(double.IsNaN)
                    ? (TrialState.Fail, null, "The objective returned NaN.")
                    : (state, values, null);
            case TrialState.Pruned:
                values ??= objectives == 1 ? LastReportedValue(current) : null;
                if (values is not null)
                {
                    RequireCount(studyName, objectives, values);
                }

                return (state, values, null);
            default:
                return values is null
                    ? (state, null, null)
                    : throw new ArgumentException("A failed trial takes no values.", nameof(values));
        }
    }

    // The mean over folds of the last reported step: the best estimate of where the pruned trial stood.
    private static IReadOnlyList<double>? LastReportedValue(FrozenTrial trial)
    {
        if (trial.LastStep is not { } step)
        {
            return null;
        }

        double mean = trial.IntermediateValues.Where(p => p.Key.Step == step).Average(p => p.Value);
        return double.IsNaN(mean) ? null : [mean];
    }

    private static void RequireCount(string studyName, int objectives, IReadOnlyList<double> values)
    {
        if (values.Count != objectives)
        {
            throw new ArgumentException($"Study '{studyName}' has {objectives} objectives, got {values.Count} values.", nameof(values));
        }
    }
}
