using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch.Nn;

/// <summary>Layer kernels beyond the core four: 1-d convolution, average pooling, normalisation, dropout, embedding, activations.</summary>
public static partial class Functional
{
    /// <summary>1-d convolution over (N, C, L) input.</summary>
    public static Tensor Conv1d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1)
    {
        using var b = new OptionalHandle(bias);
        return Result(NativeMethods.adt_nn_conv1d(input.Handle, weight.Handle, b.Pointer, stride, padding, dilation, groups, out IntPtr r), r, input, weight);
    }

    /// <summary>2-d average pooling; stride defaults to the kernel size, as in PyTorch.</summary>
    public static unsafe Tensor AvgPool2d(Tensor input, (long, long) kernelSize, (long, long)? stride = null, (long, long)? padding = null,
        bool ceilMode = false, bool countIncludePad = true)
    {
        long* k = stackalloc long[2]; Pair(k, kernelSize);
        long* s = stackalloc long[2]; Pair(s, stride ?? kernelSize);
        long* p = stackalloc long[2]; Pair(p, padding ?? (0, 0));
        return Result(NativeMethods.adt_nn_avg_pool2d(input.Handle, k, s, p, ceilMode ? 1 : 0, countIncludePad ? 1 : 0, out IntPtr r), r, input);
    }

    /// <summary>Average pooling to a fixed (height, width) output whatever the input size.</summary>
    public static Tensor AdaptiveAvgPool2d(Tensor input, (long, long) outputSize) =>
        Result(NativeMethods.adt_nn_adaptive_avg_pool2d(input.Handle, outputSize.Item1, outputSize.Item2, out IntPtr r), r, input);

    /// <summary>Batch normalisation; in training it updates the running statistics in place with <paramref name="momentum"/>.</summary>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null,
        bool training = false, double momentum = 0.1, double eps = 1e-5)
    {
        using var w = new OptionalHandle(weight);
        using var b = new OptionalHandle(bias);
        using var m = new OptionalHandle(runningMean);
        using var v = new OptionalHandle(runningVar);
        return Result(NativeMethods.adt_nn_batch_norm(input.Handle, w.Pointer, b.Pointer, m.Pointer, v.Pointer, training ? 1 : 0, momentum, eps, out IntPtr r), r, input);
    }

    /// <summary>Layer normalisation over the trailing <paramref name="normalizedShape"/> dimensions.</summary>
    public static unsafe Tensor LayerNorm(Tensor input, long[] normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
    {
        using var w = new OptionalHandle(weight);
        using var b = new OptionalHandle(bias);
        fixed (long* s = normalizedShape)
            return Result(NativeMethods.adt_nn_layer_norm(input.Handle, s, normalizedShape.Length, w.Pointer, b.Pointer, eps, out IntPtr r), r, input);
    }

    /// <summary>Zeroes elements with probability <paramref name="p"/> and scales the rest by 1/(1-p) when training.</summary>
    public static Tensor Dropout(Tensor input, double p = 0.5, bool training = true) => DropoutCore(input, p, training, feature: false);

    /// <summary>Zeroes whole channels of (N, C, H, W) input with probability <paramref name="p"/> when training.</summary>
    public static Tensor Dropout2d(Tensor input, double p = 0.5, bool training = true) => DropoutCore(input, p, training, feature: true);

    /// <summary>Looks up rows of <paramref name="weight"/>; the row at <paramref name="paddingIdx"/> gets no gradient.</summary>
    public static Tensor Embedding(Tensor input, Tensor weight, long? paddingIdx = null) =>
        Result(NativeMethods.adt_nn_embedding(weight.Handle, input.Handle, paddingIdx ?? -1, out IntPtr r), r, weight, input);

    public static Tensor Relu(Tensor input) => Activation(3, input, 0);

    public static Tensor Tanh(Tensor input) => Activation(4, input, 0);

    public static Tensor Sigmoid(Tensor input) => Activation(5, input, 0);

    public static Tensor Silu(Tensor input) => Activation(6, input, 0);

    /// <summary>x for x ≥ 0, negativeSlope·x below.</summary>
    public static Tensor LeakyRelu(Tensor input, double negativeSlope = 0.01) => Activation(0, input, negativeSlope);

    /// <summary>x for x &gt; 0, alpha·(eˣ − 1) below.</summary>
    public static Tensor Elu(Tensor input, double alpha = 1.0) => Activation(1, input, alpha);

    /// <summary>Gaussian error linear unit; <paramref name="approximate"/> "tanh" uses the tanh formula, "none" the exact one.</summary>
    public static Tensor Gelu(Tensor input, string approximate = "none") => approximate switch
    {
        "none" => Activation(2, input, 0),
        "tanh" => Activation(2, input, 1),
        _ => throw new ArgumentException($"GELU approximate must be \"none\" or \"tanh\", got \"{approximate}\"", nameof(approximate)),
    };

    private static Tensor DropoutCore(Tensor input, double p, bool training, bool feature)
    {
        if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");
        return Result(NativeMethods.adt_nn_dropout(input.Handle, p, training ? 1 : 0, feature ? 1 : 0, out IntPtr r), r, input);
    }

    private static Tensor Activation(int kind, Tensor input, double a) =>
        Result(NativeMethods.adt_nn_activation(kind, input.Handle, a, out IntPtr r), r, input);
}
