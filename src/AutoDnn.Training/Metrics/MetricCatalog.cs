using AutoDnn.Search.Studies;

namespace AutoDnn.Training.Metrics;

/// <summary>Every classification metric by the name a campaign's objective uses (scikit-learn's scorer names).</summary>
public static class MetricCatalog
{
    private static readonly Dictionary<string, MetricDefinition> ByName = Build().ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>All metric names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = ByName.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The metric called <paramref name="name"/>; an unknown name lists the known ones.</summary>
    public static MetricDefinition Get(string name) =>
        ByName.TryGetValue(name, out MetricDefinition? metric)
            ? metric
            : throw new ArgumentException($"unknown metric '{name}'; known metrics: {string.Join(", ", Names)}", nameof(name));

    /// <summary>Every metric on one outcome (ROC-AUC is left out where a class is missing from the fold).</summary>
    public static IReadOnlyDictionary<string, double> ComputeAll(ClassificationOutcome outcome)
    {
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (MetricDefinition metric in ByName.Values)
        {
            try { values[metric.Name] = metric.Compute(outcome); }
            catch (ArgumentException) when (metric.Name.StartsWith("roc_auc", StringComparison.Ordinal)) { }
        }
        return values;
    }

    private static IEnumerable<MetricDefinition> Build()
    {
        const StudyDirection Max = StudyDirection.Maximize;
        yield return new("accuracy", Max, o => ClassificationMetrics.Accuracy(o.Confusion));
        yield return new("balanced_accuracy", Max, o => ClassificationMetrics.BalancedAccuracy(o.Confusion));
        foreach (Average average in Enum.GetValues<Average>())
        {
            string suffix = average.ToString().ToLowerInvariant();
            yield return new($"precision_{suffix}", Max, o => ClassificationMetrics.Precision(o.Confusion, average));
            yield return new($"recall_{suffix}", Max, o => ClassificationMetrics.Recall(o.Confusion, average));
            yield return new($"f1_{suffix}", Max, o => ClassificationMetrics.F1(o.Confusion, average));
        }
        yield return new("roc_auc_ovr", Max, o => ClassificationMetrics.RocAuc(o.Actual, o.Probabilities, Average.Macro));
        yield return new("roc_auc_ovr_weighted", Max, o => ClassificationMetrics.RocAuc(o.Actual, o.Probabilities, Average.Weighted));
        yield return new("log_loss", StudyDirection.Minimize, o => ClassificationMetrics.LogLoss(o.Actual, o.Probabilities));
    }
}
