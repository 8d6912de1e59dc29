namespace AutoDnn.Training.Runs;

/// <summary>One progress tick: fold (or seed) <paramref name="Fold"/> of <paramref name="Folds"/>, epoch (or evaluation
/// round) <paramref name="Epoch"/> of <paramref name="Epochs"/>, and the latest value of the objective metric.</summary>
public sealed record TrainingProgress(int Fold, int Folds, int Epoch, int Epochs, string Metric, double? Value);
