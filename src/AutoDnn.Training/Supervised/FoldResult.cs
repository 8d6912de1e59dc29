namespace AutoDnn.Training.Supervised;

/// <summary>What one training run (a fold, or the final model) ended with: epochs run, the best epoch and its validation
/// metrics and confusion matrix (null without validation examples).</summary>
internal sealed record FoldResult(int Epochs, int BestEpoch, IReadOnlyDictionary<string, double>? Metrics, long[][]? Confusion);
