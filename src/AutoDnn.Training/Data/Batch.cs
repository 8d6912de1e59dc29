using AutoDnn.Torch;

namespace AutoDnn.Training.Data;

/// <summary>One mini-batch handed from a <see cref="BatchProducer"/> to the training loop; the receiver disposes it.</summary>
/// <param name="Inputs">Inputs (augmented when the producer has transforms), batch dimension first, on the target device.</param>
/// <param name="Labels">Int64 class indices, on the target device.</param>
/// <param name="Indices">Which examples of the materialized set the batch holds, in order.</param>
public sealed record Batch(Tensor Inputs, Tensor Labels, IReadOnlyList<int> Indices) : IDisposable
{
    /// <summary>Frees both tensors.</summary>
    public void Dispose()
    {
        Inputs.Dispose();
        Labels.Dispose();
    }
}
