namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>What is learned: a dataset (supervised) or an environment and algorithm (reinforcement learning), the architecture and its augmenters.</summary>
public sealed record CampaignTask
{
    /// <summary>The dataset plugin of a supervised campaign; null for reinforcement learning.</summary>
    public PluginReference? Dataset { get; init; }

    /// <summary>The environment plugin of a reinforcement-learning campaign; null for supervised.</summary>
    public PluginReference? Environment { get; init; }

    /// <summary>The RL algorithm (default DQN); null for supervised.</summary>
    public RlAlgorithm? Algorithm { get; init; }

    /// <summary>The architecture plugin whose hyperparameters are searched.</summary>
    public required PluginReference Architecture { get; init; }

    /// <summary>Augmenter plugins applied to training batches, in order (supervised only).</summary>
    public IReadOnlyList<PluginReference> Augmenters { get; init; } = [];

    /// <summary>True when the campaign trains an agent in an environment.</summary>
    public bool IsReinforcementLearning => Environment is not null;
}
