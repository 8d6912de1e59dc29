namespace AutoDnn.Training.Runs;

/// <summary>A finished trial: every metric as the mean over folds (or seeds), with its standard deviation, and the folds.</summary>
/// <param name="Metrics">Metric name → mean over folds (e.g. "accuracy", "log_loss", "mean_return").</param>
/// <param name="StandardDeviations">Metric name → population standard deviation over folds.</param>
/// <param name="Folds">One entry per fold or seed, in order.</param>
public sealed record TrialOutcome(
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> StandardDeviations,
    IReadOnlyList<FoldOutcome> Folds)
{
    /// <summary>The value of <paramref name="metric"/>; an unknown name lists the available ones.</summary>
    public double Get(string metric) =>
        Metrics.TryGetValue(metric, out double value)
            ? value
            : throw new ArgumentException(
                $"the trial has no metric '{metric}'; it has: {string.Join(", ", Metrics.Keys.Order(StringComparer.Ordinal))}",
                nameof(metric));

    /// <summary>Mean and standard deviation of each metric over <paramref name="folds"/>.</summary>
    public static TrialOutcome FromFolds(IReadOnlyList<FoldOutcome> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        if (folds.Count == 0)
        {
            throw new ArgumentException("a trial outcome needs at least one fold", nameof(folds));
        }

        var means = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var stds = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (string name in folds[0].Metrics.Keys.Where(k => folds.All(f => f.Metrics.ContainsKey(k))))
        {
            double[] values = folds.Select(f => f.Metrics[name]).ToArray();
            double mean = values.Average();
            means[name] = mean;
            stds[name] = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        }

        return new TrialOutcome(means, stds, folds);
    }
}

/// <summary>One fold (or RL seed): its metrics on its validation part, the epochs run, and its confusion matrix
/// (rows = actual class, columns = predicted) for classification.</summary>
public sealed record FoldOutcome(int Fold, IReadOnlyDictionary<string, double> Metrics, int Epochs, long[][]? Confusion = null);
