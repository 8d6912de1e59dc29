using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Augmenters;

/// <summary>Adds independent normal noise of standard deviation <see cref="Std"/> to every value of the batch.</summary>
internal sealed class GaussianNoise : IBatchTransform
{
    public GaussianNoise(double std)
    {
        if (std < 0 || double.IsNaN(std)) throw new ArgumentOutOfRangeException(nameof(std), std, "gaussian-noise.std must be >= 0");
        Std = std;
    }

    public double Std { get; }

    public Tensor Apply(Tensor batch, Generator generator)
    {
        ImageBatch.Check(batch, generator, "gaussian-noise");
        using var scope = new ScopedResult();
        Tensor noise = Tensor.Randn(batch.Shape, generator, DType.Float32, batch.Device).To(batch.DType);
        return scope.Keep(batch + noise * Std);
    }
}
