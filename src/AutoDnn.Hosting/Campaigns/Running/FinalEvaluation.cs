namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>The best trial retrained on all training data and evaluated on the test split.</summary>
public sealed record FinalEvaluation(
    int Trial,
    double ValidationValue,
    IReadOnlyDictionary<string, double>? TestMetrics,
    long[][]? TestConfusion,
    string ModelFolder,
    IReadOnlyDictionary<string, double>? TrainMetrics,
    int TrainingExamples,
    int Epochs);
