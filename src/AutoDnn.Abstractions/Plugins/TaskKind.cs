namespace AutoDnn.Abstractions.Plugins;

/// <summary>The kind of learning task a plugin serves; the host only combines plugins of the same kind.</summary>
public enum TaskKind
{
    /// <summary>Images (channels × height × width) to one of N classes.</summary>
    ImageClassification,

    /// <summary>Token sequences over a vocabulary to one of N classes.</summary>
    TextClassification,

    /// <summary>Fixed-length feature vectors to one of N classes.</summary>
    TabularClassification,

    /// <summary>An agent acting in an environment for reward (observation → one of N discrete actions).</summary>
    ReinforcementLearning,
}
