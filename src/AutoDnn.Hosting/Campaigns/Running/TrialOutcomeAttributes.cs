using AutoDnn.Search.Trials;
using AutoDnn.Training.Runs;

namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>Stores a trial outcome's metrics on the trial as user attributes (keys in <see cref="TrialAttributeKeys"/>).</summary>
public static class TrialOutcomeAttributes
{
    /// <summary>Writes "metrics" and "metrics_std" (fold-wise metrics are written by the runner as it goes).</summary>
    public static void Write(Trial trial, TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(outcome);
        trial.SetUserAttribute(TrialAttributeKeys.Metrics, Finite(outcome.Metrics));
        trial.SetUserAttribute(TrialAttributeKeys.MetricsStd, Finite(outcome.StandardDeviations));
    }

    // JSON has no NaN or infinity: leave such values out rather than fail the trial over a side record.
    private static SortedDictionary<string, double> Finite(IReadOnlyDictionary<string, double> values) =>
        new(values.Where(p => double.IsFinite(p.Value)).ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
}
