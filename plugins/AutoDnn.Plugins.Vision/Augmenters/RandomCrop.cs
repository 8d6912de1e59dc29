using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Augmenters;

/// <summary>
/// Zero-pads every image by <see cref="Padding"/> pixels on each side, then crops it back to its size at a random
/// offset per image (torchvision's RandomCrop(size, padding)); done with two gathers for the whole batch.
/// </summary>
internal sealed class RandomCrop : IBatchTransform
{
    public RandomCrop(int padding)
    {
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), padding, "random-crop.padding must be >= 0");
        Padding = padding;
    }

    public int Padding { get; }

    public Tensor Apply(Tensor batch, Generator generator)
    {
        var (b, c, h, w) = ImageBatch.Check(batch, generator, "random-crop");
        if (Padding == 0) return batch.Clone();
        using var scope = new ScopedResult();
        long p = Padding;
        Tensor padded = Tensor.Zeros([b, c, h + 2 * p, w + 2 * p], batch.DType, batch.Device);
        padded.Assign([TensorIndex.Ellipsis, TensorIndex.Slice(p, p + h), TensorIndex.Slice(p, p + w)], batch);
        Tensor dy = Tensor.RandInt(0, 2 * p + 1, [b, 1], generator, DType.Int64, batch.Device);
        Tensor dx = Tensor.RandInt(0, 2 * p + 1, [b, 1], generator, DType.Int64, batch.Device);
        Tensor rows = (Tensor.Arange(h, DType.Int64, batch.Device).View(1, h) + dy).View(b, 1, h, 1).Expand(b, c, h, w + 2 * p);
        Tensor cols = (Tensor.Arange(w, DType.Int64, batch.Device).View(1, w) + dx).View(b, 1, 1, w).Expand(b, c, h, w);
        return scope.Keep(padded.Gather(2, rows).Gather(3, cols));
    }
}
