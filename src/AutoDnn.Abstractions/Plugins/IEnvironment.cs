namespace AutoDnn.Abstractions.Plugins;

/// <summary>A reinforcement-learning environment with Gymnasium semantics and a discrete action space.</summary>
/// <remarks>Each worker gets its own instance from the catalog; an instance is used by one thread.</remarks>
public interface IEnvironment : IPlugin
{
    /// <summary>Shape of an observation, e.g. [4] for CartPole.</summary>
    IReadOnlyList<int> ObservationShape { get; }

    /// <summary>Number of discrete actions (actions are 0 … ActionCount − 1).</summary>
    int ActionCount { get; }

    /// <summary>Starts an episode and returns the first observation; a seed makes the episode reproducible.</summary>
    float[] Reset(int? seed = null);

    /// <summary>Takes one action; after Terminated or Truncated the next call must be <see cref="Reset"/>.</summary>
    StepResult Step(int action);
}
