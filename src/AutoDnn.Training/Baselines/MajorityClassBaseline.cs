using AutoDnn.Abstractions.Plugins;
using AutoDnn.Training.Metrics;

namespace AutoDnn.Training.Baselines;

/// <summary>Predicts the most frequent training class for every test example (ties: the lowest class index), with the
/// training class frequencies as probabilities — the floor any model must beat.</summary>
public static class MajorityClassBaseline
{
    public const string Name = "majority-class";

    /// <summary>Fits on <see cref="IDataSource.Train"/> and evaluates on <see cref="IDataSource.Test"/> (required).</summary>
    public static BaselineResult Evaluate(IDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Evaluate(source.Train, ExampleSets.RequireTest(source, Name), source.Classes.Count);
    }

    public static BaselineResult Evaluate(IExampleSet train, IExampleSet test, int classes)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        if (train.Count == 0) throw new ArgumentException($"{Name}: the training split is empty", nameof(train));
        if (test.Count == 0) throw new ArgumentException($"{Name}: the test split is empty", nameof(test));
        var prior = new double[classes];
        foreach (int label in ExampleSets.Labels(train, classes, "training", Name)) prior[label] += 1.0 / train.Count;
        int[] actual = ExampleSets.Labels(test, classes, "test", Name);
        var probabilities = new double[actual.Length, classes];
        for (int i = 0; i < actual.Length; i++)
            for (int c = 0; c < classes; c++) probabilities[i, c] = prior[c];
        return new BaselineResult(Name, new ClassificationOutcome(actual, probabilities));
    }
}
