namespace AutoDnn.Training.Metrics;

/// <summary>How per-class precision/recall/F1/ROC-AUC combine into one number (scikit-learn's <c>average</c>).</summary>
public enum Average
{
    /// <summary>Unweighted mean over classes.</summary>
    Macro,

    /// <summary>Global counts over all classes (for single-label data equals accuracy).</summary>
    Micro,

    /// <summary>Mean over classes weighted by each class's true count (support).</summary>
    Weighted,
}
