using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch.Nn;

/// <summary>Stateless layer kernels, like <c>torch.nn.functional</c>; modules call these with their parameters.</summary>
public static partial class Functional
{
    /// <summary>2-d convolution over (N, C, H, W) input; stride, padding and dilation as (height, width).</summary>
    public static unsafe Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, (long, long)? stride = null,
        (long, long)? padding = null, (long, long)? dilation = null, long groups = 1)
    {
        long* s = stackalloc long[2]; Pair(s, stride ?? (1, 1));
        long* p = stackalloc long[2]; Pair(p, padding ?? (0, 0));
        long* d = stackalloc long[2]; Pair(d, dilation ?? (1, 1));
        using var b = new OptionalHandle(bias);
        return Result(NativeMethods.adt_nn_conv2d(input.Handle, weight.Handle, b.Pointer, s, p, d, groups, out IntPtr r), r, input, weight);
    }

    /// <summary>2-d max pooling; stride defaults to the kernel size, as in PyTorch.</summary>
    public static unsafe Tensor MaxPool2d(Tensor input, (long, long) kernelSize, (long, long)? stride = null,
        (long, long)? padding = null, (long, long)? dilation = null, bool ceilMode = false)
    {
        long* k = stackalloc long[2]; Pair(k, kernelSize);
        long* s = stackalloc long[2]; Pair(s, stride ?? kernelSize);
        long* p = stackalloc long[2]; Pair(p, padding ?? (0, 0));
        long* d = stackalloc long[2]; Pair(d, dilation ?? (1, 1));
        return Result(NativeMethods.adt_nn_max_pool2d(input.Handle, k, s, p, d, ceilMode ? 1 : 0, out IntPtr r), r, input);
    }

    /// <summary>y = x Wᵀ + b.</summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null)
    {
        using var b = new OptionalHandle(bias);
        return Result(NativeMethods.adt_nn_linear(input.Handle, weight.Handle, b.Pointer, out IntPtr r), r, input, weight);
    }

    /// <summary>Cross-entropy between logits (N, C, …) and class indices, with PyTorch's options.</summary>
    public static Tensor CrossEntropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean,
        long ignoreIndex = -100, double labelSmoothing = 0)
    {
        using var w = new OptionalHandle(weight);
        return Result(NativeMethods.adt_nn_cross_entropy(input.Handle, target.Handle, w.Pointer, (long)reduction, ignoreIndex, labelSmoothing, out IntPtr r), r, input, target);
    }

    private static unsafe void Pair(long* destination, (long, long) value)
    {
        destination[0] = value.Item1;
        destination[1] = value.Item2;
    }

    // Inputs stay reachable until libtorch has returned (no finalizer may free them mid-call).
    private static Tensor Result(int status, IntPtr raw, Tensor a, Tensor? b = null)
    {
        GC.KeepAlive(a);
        GC.KeepAlive(b);
        NativeMethods.Check(status);
        return new Tensor(raw);
    }
}
