using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Training.Baselines;

/// <summary>Reading example sets the way baselines need them: labels, and token ids without padding.</summary>
internal static class ExampleSets
{
    public static IExampleSet RequireTest(IDataSource source, string who) =>
        source.Test ?? throw new ArgumentException($"{who}: the data source has no test split to evaluate on (give the dataset a test fraction or a test file)", nameof(source));

    public static int[] Labels(IExampleSet set, int classes, string split, string who)
    {
        var labels = new int[set.Count];
        for (int i = 0; i < set.Count; i++)
        {
            using var scope = LibTorch.NewScope();
            labels[i] = set.Get(i).Label;
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentException($"{who}: {split} example {i} has label {labels[i]}, outside 0..{classes - 1}");
        }
        return labels;
    }

    /// <summary>Each example's non-padding token ids (id 0 is padding) and its label.</summary>
    public static (long[][] Tokens, int[] Labels) Tokens(IExampleSet set, int vocabularySize, int classes, string split, string who)
    {
        var tokens = new long[set.Count][];
        var labels = new int[set.Count];
        for (int i = 0; i < set.Count; i++)
        {
            using var scope = LibTorch.NewScope();
            Example example = set.Get(i);
            if (example.Input.DType != DType.Int64)
                throw new ArgumentException($"{who}: {split} example {i} is {example.Input.DType}, not int64 token ids; bag-of-words needs a text dataset");
            tokens[i] = example.Input.ToArray<long>().Where(id => id != 0).ToArray();
            if (tokens[i].FirstOrDefault(id => id < 0 || id >= vocabularySize) is var bad && bad != 0)
                throw new ArgumentException($"{who}: {split} example {i} holds token id {bad}, outside the vocabulary of {vocabularySize}");
            labels[i] = example.Label;
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentException($"{who}: {split} example {i} has label {labels[i]}, outside 0..{classes - 1}");
        }
        return (tokens, labels);
    }
}
