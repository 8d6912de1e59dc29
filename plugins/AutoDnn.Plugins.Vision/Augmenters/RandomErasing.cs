using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Augmenters;

/// <summary>
/// With probability <see cref="P"/> per image, sets one random rectangle of every channel to 0 (Cutout / torchvision's
/// RandomErasing with value 0, i.e. the dataset mean after normalisation). The rectangle covers a fraction of the
/// image drawn from [<see cref="MinArea"/>, <see cref="MaxArea"/>], with an aspect ratio drawn log-uniformly from
/// [0.3, 3.3]; its sides are clipped to the image and its position is uniform over where it fits.
/// </summary>
internal sealed class RandomErasing : IBatchTransform
{
    private static readonly double LogRatioLow = Math.Log(0.3), LogRatioHigh = Math.Log(3.3);

    public RandomErasing(double p, double minArea, double maxArea)
    {
        if (p is < 0 or > 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "random-erasing.p must be in [0, 1]");
        if (!(minArea > 0 && minArea <= maxArea && maxArea <= 1))
            throw new ArgumentOutOfRangeException(nameof(maxArea), $"random-erasing area range must satisfy 0 < min <= max <= 1, got [{minArea}, {maxArea}]");
        (P, MinArea, MaxArea) = (p, minArea, maxArea);
    }

    public double P { get; }

    public double MinArea { get; }

    public double MaxArea { get; }

    public Tensor Apply(Tensor batch, Generator generator)
    {
        var (b, _, h, w) = ImageBatch.Check(batch, generator, "random-erasing");
        using var scope = new ScopedResult();
        // One row of draws per image: apply?, area, log aspect ratio, top, left.
        Tensor u = ImageBatch.Uniform(batch, generator, 5, b, 1, 1);
        Tensor apply = u[0].Lt(P);
        Tensor area = (u[1] * (MaxArea - MinArea) + MinArea) * (h * w);
        Tensor ratio = (u[2] * (LogRatioHigh - LogRatioLow) + LogRatioLow).Exp();
        Tensor eh = (area * ratio).Sqrt().Round().Clamp(1, h);
        Tensor ew = (area / ratio).Sqrt().Round().Clamp(1, w);
        Tensor top = (u[3] * (h - eh + 1)).Floor();
        Tensor left = (u[4] * (w - ew + 1)).Floor();
        Tensor rows = Tensor.Arange(h, DType.Float32, batch.Device).View(1, h, 1);
        Tensor cols = Tensor.Arange(w, DType.Float32, batch.Device).View(1, 1, w);
        Tensor inside = (rows >= top) & (rows < top + eh) & (cols >= left) & (cols < left + ew) & apply;
        return scope.Keep(batch.MaskedFill(inside.Unsqueeze(1), 0));
    }
}
