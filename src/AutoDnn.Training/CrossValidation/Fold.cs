namespace AutoDnn.Training.CrossValidation;

/// <summary>One split of a dataset: indices to train on and indices to validate on.</summary>
public sealed record Fold(int Index, IReadOnlyList<int> Train, IReadOnlyList<int> Validation);
