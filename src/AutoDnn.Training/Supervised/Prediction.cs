namespace AutoDnn.Training.Supervised;

/// <summary>A model's answer for one input: the most probable class and every class's probability.</summary>
public sealed record Prediction(int ClassIndex, IReadOnlyList<double> Probabilities);
