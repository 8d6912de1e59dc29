namespace AutoDnn.Training.Runs;

/// <summary>User-attribute keys that runners and campaigns write on trials; the viewer and exports read them.</summary>
public static class TrialAttributeKeys
{
    /// <summary>Object: metric name → mean over folds (every metric, not only the objective).</summary>
    public const string Metrics = "metrics";

    /// <summary>Object: metric name → standard deviation over folds.</summary>
    public const string MetricsStd = "metrics_std";

    /// <summary>Array of { "fold": i, "epochs": n, "metrics": { name: value }, "confusion": [[…]] | null }, one per fold.</summary>
    public const string FoldMetrics = "fold_metrics";

    /// <summary>Array of class names (index = label), for confusion matrices.</summary>
    public const string ClassNames = "class_names";

    /// <summary>Object: metric name → value on the dataset's test split (best trials only; never used for selection).</summary>
    public const string TestMetrics = "test_metrics";

    /// <summary>Array of arrays: the test split's confusion matrix (best trials only).</summary>
    public const string TestConfusion = "test_confusion";

    /// <summary>Number of the campaign worker that ran the trial (e.g. "host:pid/2").</summary>
    public const string Worker = "worker";
}
