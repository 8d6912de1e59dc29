using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Augmenters;

/// <summary>Checks shared by the image transforms: a floating-point [B, C, H, W] batch.</summary>
internal static class ImageBatch
{
    public static (long Batch, long Channels, long Height, long Width) Check(Tensor batch, Generator generator, string transform)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(generator);
        if (batch.Dim != 4)
            throw new ArgumentException($"{transform}: expects an image batch [B, C, H, W], got {batch}", nameof(batch));
        if (batch.DType is not (DType.Float32 or DType.Float64 or DType.Float16 or DType.BFloat16))
            throw new ArgumentException($"{transform}: expects a floating-point batch, got {batch}", nameof(batch));
        long[] s = batch.Shape;
        return (s[0], s[1], s[2], s[3]);
    }

    /// <summary>Uniform draws on [0, 1) of shape <paramref name="shape"/> on the batch's device, as float32.</summary>
    public static Tensor Uniform(Tensor batch, Generator generator, params long[] shape) =>
        Tensor.Rand(shape, generator, DType.Float32, batch.Device);
}
