using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Augmenters;

/// <summary>Mirrors each image left–right with probability <see cref="P"/> (one draw per image).</summary>
internal sealed class RandomHorizontalFlip : IBatchTransform
{
    public RandomHorizontalFlip(double p)
    {
        if (p is < 0 or > 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "random-horizontal-flip.p must be in [0, 1]");
        P = p;
    }

    public double P { get; }

    public Tensor Apply(Tensor batch, Generator generator)
    {
        var (b, _, _, w) = ImageBatch.Check(batch, generator, "random-horizontal-flip");
        using Tensor reversed = Tensor.Arange(w - 1, -1, -1, DType.Int64, batch.Device);
        using Tensor flipped = batch.IndexSelect(3, reversed);
        using Tensor draw = ImageBatch.Uniform(batch, generator, b, 1, 1, 1);
        using Tensor flip = draw.Lt(P);
        return Tensor.Where(flip, flipped, batch);
    }
}
