using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.TestPlugins.Valid;

/// <summary>The configured noise: batch + std·N(0, 1), or batch·(1 + std·N(0, 1)) when scaling.</summary>
public sealed class NoiseTransform(double std, bool scale) : IBatchTransform
{
    public Tensor Apply(Tensor batch, Generator generator)
    {
        Tensor noise = Tensor.Randn(batch.Shape, generator) * std;
        return scale ? batch * (noise + 1.0) : batch + noise;
    }
}
