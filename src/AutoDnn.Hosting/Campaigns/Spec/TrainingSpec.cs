namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>How long each trial trains: epochs (supervised) or environment steps per seed (reinforcement learning).</summary>
public sealed record TrainingSpec
{
    /// <summary>Supervised: epochs per fold (required there); null for RL.</summary>
    public int? Epochs { get; init; }

    /// <summary>Supervised: stop a fold after this many epochs without improvement of the validation objective; null = off.</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>Supervised: the search trains and validates on at most this many training examples (a stratified
    /// subsample: a quick look at a big dataset); the final retraining of the best configuration uses them all. null = all.</summary>
    public int? MaxExamples { get; init; }

    /// <summary>Supervised: epochs of the final retraining of the best configuration on all training data; null = <see cref="Epochs"/>.</summary>
    public int? FinalEpochs { get; init; }

    /// <summary>RL: environment steps per seed (required there); null for supervised.</summary>
    public int? Steps { get; init; }

    /// <summary>RL: evaluate the greedy policy every this many steps (default steps / 10, at least 1); null for supervised.</summary>
    public int? EvalEvery { get; init; }

    /// <summary>RL: episodes per evaluation (default 10); null for supervised.</summary>
    public int? EvalEpisodes { get; init; }
}
