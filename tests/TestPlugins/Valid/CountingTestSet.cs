using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.TestPlugins.Valid;

/// <summary>Three held-out examples numbered after the training ones.</summary>
public sealed class CountingTestSet(int offset) : IExampleSet
{
    public int Count => 3;

    public Example Get(int index) => new(Tensor.From(new float[] { offset + index, -(offset + index) }, 2), (offset + index) % 2);
}
