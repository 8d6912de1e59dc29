namespace AutoDnn.Abstractions.Plugins;

/// <summary>What a model must fit: the task kind, the shape of one input, the output count and (text) the vocabulary size.</summary>
public sealed record TaskSpec
{
    /// <summary>Creates and validates the description; throws ArgumentException naming the offending argument.</summary>
    /// <param name="kind">The task kind.</param>
    /// <param name="inputShape">Shape of one example without the batch dimension, e.g. [1, 28, 28] or [sequence length].</param>
    /// <param name="outputCount">Number of classes, or of actions for reinforcement learning.</param>
    /// <param name="vocabularySize">Number of token ids for text tasks (ids are 0 … size − 1); 0 otherwise.</param>
    public TaskSpec(TaskKind kind, IReadOnlyList<long> inputShape, int outputCount, int vocabularySize = 0)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Count == 0 || inputShape.Any(d => d < 1))
        {
            throw new ArgumentException(
                $"inputShape must have at least one dimension, all >= 1, got [{string.Join(", ", inputShape)}].", nameof(inputShape));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(vocabularySize);
        if (kind == TaskKind.TextClassification && vocabularySize == 0)
        {
            throw new ArgumentException("A text task needs vocabularySize >= 1.", nameof(vocabularySize));
        }

        Kind = kind;
        InputShape = [.. inputShape];
        OutputCount = outputCount;
        VocabularySize = vocabularySize;
    }

    public TaskKind Kind { get; }

    public IReadOnlyList<long> InputShape { get; }

    public int OutputCount { get; }

    public int VocabularySize { get; }
}
