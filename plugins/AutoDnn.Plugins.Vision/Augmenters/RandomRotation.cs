using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Augmenters;

/// <summary>
/// Rotates each image about its centre by an angle drawn uniformly from [−<see cref="MaxDegrees"/>, +MaxDegrees],
/// sampling with nearest-neighbour or bilinear interpolation; pixels that come from outside the image are 0.
/// </summary>
/// <remarks>
/// An inverse-mapped affine warp (what <c>affine_grid</c> + <c>grid_sample</c> do) built from gathers: for every
/// output pixel the source position is computed for the whole batch at once, and the one (nearest) or four
/// (bilinear) neighbours are gathered from the flattened images, each masked to 0 when outside the image.
/// </remarks>
internal sealed class RandomRotation : IBatchTransform
{
    public RandomRotation(double maxDegrees, bool bilinear)
    {
        if (maxDegrees is < 0 or > 180 || double.IsNaN(maxDegrees))
            throw new ArgumentOutOfRangeException(nameof(maxDegrees), maxDegrees, "random-rotation.degrees must be in [0, 180]");
        MaxDegrees = maxDegrees;
        Bilinear = bilinear;
    }

    public double MaxDegrees { get; }

    public bool Bilinear { get; }

    public Tensor Apply(Tensor batch, Generator generator)
    {
        var (b, c, h, w) = ImageBatch.Check(batch, generator, "random-rotation");
        using var scope = new ScopedResult();
        Tensor angle = (ImageBatch.Uniform(batch, generator, b, 1) * 2 - 1) * (MaxDegrees * Math.PI / 180);
        return scope.Keep(Rotate(batch, angle, b, c, h, w, Bilinear));
    }

    /// <summary>Rotates each image by its angle in radians (shape [B, 1], counter-clockwise on screen).</summary>
    internal static Tensor Rotate(Tensor batch, Tensor angle, long b, long c, long h, long w, bool bilinear)
    {
        using var scope = new ScopedResult();
        Device device = batch.Device;
        double cy = (h - 1) / 2.0, cx = (w - 1) / 2.0;
        // Output pixel coordinates relative to the centre, flattened to [1, H·W].
        Tensor ys = Tensor.Arange(h, DType.Float32, device).View(h, 1).Expand(h, w).Reshape(1, h * w) - cy;
        Tensor xs = Tensor.Arange(w, DType.Float32, device).View(1, w).Expand(h, w).Reshape(1, h * w) - cx;
        Tensor cos = angle.Cos(), sin = angle.Sin();
        // Inverse rotation: where in the source each output pixel comes from ([B, H·W]).
        Tensor sx = cos * xs - sin * ys + cx;
        Tensor sy = sin * xs + cos * ys + cy;
        Tensor flat = batch.Reshape(b, c, h * w);
        Tensor result;
        if (!bilinear)
        {
            result = Sample(flat, sy.Round(), sx.Round(), null, b, c, h, w);
        }
        else
        {
            Tensor y0 = sy.Floor(), x0 = sx.Floor();
            Tensor fy = sy - y0, fx = sx - x0;
            result = Sample(flat, y0, x0, (1 - fy) * (1 - fx), b, c, h, w)
                + Sample(flat, y0, x0 + 1, (1 - fy) * fx, b, c, h, w)
                + Sample(flat, y0 + 1, x0, fy * (1 - fx), b, c, h, w)
                + Sample(flat, y0 + 1, x0 + 1, fy * fx, b, c, h, w);
        }
        return scope.Keep(result.View(b, c, h, w));
    }

    // Values of `flat` ([B, C, H·W]) at integer positions (y, x) ([B, H·W], float), times `weight`, 0 outside.
    private static Tensor Sample(Tensor flat, Tensor y, Tensor x, Tensor? weight, long b, long c, long h, long w)
    {
        Tensor inside = (y >= 0) & (y <= h - 1) & (x >= 0) & (x <= w - 1);
        Tensor index = (y.Clamp(0, h - 1) * w + x.Clamp(0, w - 1)).To(DType.Int64);
        Tensor values = flat.Gather(2, index.View(b, 1, h * w).Expand(b, c, h * w));
        Tensor scale = inside.To(flat.DType);
        if (weight is not null) scale = scale * weight.To(flat.DType);
        return values * scale.View(b, 1, h * w);
    }
}
