namespace AutoDnn.Training.Metrics;

/// <summary>What a model predicted on one validation fold: true labels, class probabilities (n × classes), argmax labels.</summary>
public sealed class ClassificationOutcome
{
    public ClassificationOutcome(IReadOnlyList<int> actual, double[,] probabilities)
    {
        if (actual.Count != probabilities.GetLength(0))
            throw new ArgumentException($"{actual.Count} labels but {probabilities.GetLength(0)} probability rows");
        Actual = actual;
        Probabilities = probabilities;
        int classes = probabilities.GetLength(1);
        var predicted = new int[actual.Count];
        for (int i = 0; i < predicted.Length; i++)
            for (int c = 1; c < classes; c++)
                if (probabilities[i, c] > probabilities[i, predicted[i]]) predicted[i] = c;
        Predicted = predicted;
        Confusion = ConfusionMatrix.From(actual, predicted, classes);
    }

    public IReadOnlyList<int> Actual { get; }

    public IReadOnlyList<int> Predicted { get; }

    public double[,] Probabilities { get; }

    public ConfusionMatrix Confusion { get; }
}
