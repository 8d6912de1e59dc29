namespace AutoDnn.Training.Baselines;

/// <summary>Settings of <see cref="BagOfWordsLogisticRegression"/>, checked when it is created.</summary>
public sealed record BagOfWordsOptions
{
    public BagOfWordsFeatures Features { get; init; } = BagOfWordsFeatures.TfIdf;

    /// <summary>L2 penalty λ on the weights (not the bias): the loss adds λ·‖W‖².</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>Passes over the training split.</summary>
    public int Epochs { get; init; } = 60;

    public int BatchSize { get; init; } = 256;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Seeds the order of the mini-batches (the weights start at zero).</summary>
    public int Seed { get; init; }

    internal void Validate()
    {
        if (!(L2 >= 0 && double.IsFinite(L2))) throw new ArgumentOutOfRangeException(nameof(L2), L2, "the L2 penalty must be finite and >= 0");
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "at least one epoch is needed");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "the batch size must be at least 1");
        if (!(LearningRate > 0 && double.IsFinite(LearningRate)))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "the learning rate must be finite and > 0");
        if (!Enum.IsDefined(Features)) throw new ArgumentOutOfRangeException(nameof(Features), Features, "unknown feature kind");
    }
}
