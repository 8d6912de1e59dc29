using AutoDnn.Training.Metrics;

namespace AutoDnn.Training.Baselines;

/// <summary>What a baseline predicted on a test split, with the two figures reports quote: accuracy and macro F1.</summary>
public sealed record BaselineResult(string Name, ClassificationOutcome Outcome)
{
    public double Accuracy => ClassificationMetrics.Accuracy(Outcome.Confusion);

    public double MacroF1 => ClassificationMetrics.F1(Outcome.Confusion, Average.Macro);

    /// <summary>Number of test examples.</summary>
    public int TestCount => Outcome.Actual.Count;
}
