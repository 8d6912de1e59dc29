using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch.Nn;

/// <summary>Loss functions beyond cross-entropy, with PyTorch's options and defaults.</summary>
public static partial class Functional
{
    /// <summary>Negative log-likelihood of log-probabilities (N, C, …) at class indices.</summary>
    public static Tensor NllLoss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignoreIndex = -100) =>
        Loss(0, input, target, weight, null, reduction, ignoreIndex, 0);

    /// <summary>Mean squared error.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        Loss(1, input, target, null, null, reduction, 0, 0);

    /// <summary>Squared below <paramref name="beta"/> (halved and divided by beta), absolute above; beta 0 is L1.</summary>
    public static Tensor SmoothL1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double beta = 1.0)
    {
        if (beta < 0) throw new ArgumentOutOfRangeException(nameof(beta), beta, "SmoothL1 beta must be non-negative");
        return Loss(2, input, target, null, null, reduction, 0, beta);
    }

    /// <summary>Huber loss: squared below <paramref name="delta"/>, delta-scaled absolute above.</summary>
    public static Tensor HuberLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double delta = 1.0)
    {
        if (delta <= 0) throw new ArgumentOutOfRangeException(nameof(delta), delta, "Huber delta must be positive");
        return Loss(3, input, target, null, null, reduction, 0, delta);
    }

    /// <summary>Binary cross-entropy on logits (sigmoid inside, numerically stable); optional element and positive-class weights.</summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? posWeight = null) =>
        Loss(4, input, target, weight, posWeight, reduction, 0, 0);

    private static Tensor Loss(int kind, Tensor input, Tensor target, Tensor? weight, Tensor? posWeight, Reduction reduction, long ignoreIndex, double a)
    {
        using var w = new OptionalHandle(weight);
        using var pw = new OptionalHandle(posWeight);
        return Result(NativeMethods.adt_nn_loss(kind, input.Handle, target.Handle, w.Pointer, pw.Pointer, (long)reduction, ignoreIndex, a, out IntPtr r), r, input, target);
    }
}
