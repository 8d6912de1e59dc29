using AutoDnn.Torch;

namespace AutoDnn.Abstractions.Plugins;

/// <summary>An augmentation configured for one trial: transforms a training batch.</summary>
public interface IBatchTransform
{
    /// <summary>Returns the transformed batch (batch dimension first); randomness comes only from <paramref name="generator"/>.</summary>
    Tensor Apply(Tensor batch, Generator generator);
}
