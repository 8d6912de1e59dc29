using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch;

/// <summary>Reductions over all elements or chosen dimensions (sum, mean, max, argmax, std…).</summary>
public sealed partial class Tensor
{
    public Tensor Sum() => Reduce(ReduceOp.Sum, [], false);
    public Tensor Sum(long dim, bool keepDim = false) => Reduce(ReduceOp.Sum, [dim], keepDim);
    public Tensor Sum(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Sum, dims, keepDim);

    public Tensor Mean() => Reduce(ReduceOp.Mean, [], false);
    public Tensor Mean(long dim, bool keepDim = false) => Reduce(ReduceOp.Mean, [dim], keepDim);
    public Tensor Mean(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Mean, dims, keepDim);

    public Tensor Prod() => Reduce(ReduceOp.Prod, [], false);
    public Tensor Prod(long dim, bool keepDim = false) => Reduce(ReduceOp.Prod, [dim], keepDim);

    /// <summary>Largest element (0-d).</summary>
    public Tensor Max() => Reduce(ReduceOp.Amax, [], false);

    /// <summary>Largest values along <paramref name="dim"/> and the index of the first of each, like <c>t.max(dim)</c>.</summary>
    public (Tensor Values, Tensor Indices) Max(long dim, bool keepDim = false) =>
        (Reduce(ReduceOp.Amax, [dim], keepDim), Reduce(ReduceOp.ArgMax, [dim], keepDim));

    public Tensor Min() => Reduce(ReduceOp.Amin, [], false);

    public (Tensor Values, Tensor Indices) Min(long dim, bool keepDim = false) =>
        (Reduce(ReduceOp.Amin, [dim], keepDim), Reduce(ReduceOp.ArgMin, [dim], keepDim));

    /// <summary>Largest values over several dimensions, like <c>torch.amax</c>.</summary>
    public Tensor Amax(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Amax, dims, keepDim);
    public Tensor Amin(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Amin, dims, keepDim);

    /// <summary>Index of the largest element of the flattened tensor.</summary>
    public Tensor ArgMax() => Reduce(ReduceOp.ArgMax, [], false);
    public Tensor ArgMax(long dim, bool keepDim = false) => Reduce(ReduceOp.ArgMax, [dim], keepDim);
    public Tensor ArgMin() => Reduce(ReduceOp.ArgMin, [], false);
    public Tensor ArgMin(long dim, bool keepDim = false) => Reduce(ReduceOp.ArgMin, [dim], keepDim);

    /// <summary>Standard deviation; <paramref name="correction"/> 1 is Bessel's (PyTorch's default).</summary>
    public Tensor Std(long[]? dims = null, bool keepDim = false, int correction = 1) =>
        Reduce(ReduceOp.Std, dims ?? [], keepDim, correction);

    public Tensor Var(long[]? dims = null, bool keepDim = false, int correction = 1) =>
        Reduce(ReduceOp.Var, dims ?? [], keepDim, correction);

    public Tensor LogSumExp(long dim, bool keepDim = false) => Reduce(ReduceOp.LogSumExp, [dim], keepDim);
    public Tensor LogSumExp(long[] dims, bool keepDim = false) => Reduce(ReduceOp.LogSumExp, dims, keepDim);

    /// <summary>Vector p-norm over all elements or <paramref name="dims"/>, like <c>torch.linalg.vector_norm</c>.</summary>
    public Tensor Norm(double p = 2, long[]? dims = null, bool keepDim = false) => Reduce(ReduceOp.Norm, dims ?? [], keepDim, p);

    public Tensor All() => Reduce(ReduceOp.All, [], false);
    public Tensor All(long dim, bool keepDim = false) => Reduce(ReduceOp.All, [dim], keepDim);
    public Tensor Any() => Reduce(ReduceOp.Any, [], false);
    public Tensor Any(long dim, bool keepDim = false) => Reduce(ReduceOp.Any, [dim], keepDim);

    private unsafe Tensor Reduce(ReduceOp op, long[] dims, bool keepDim, double p = 0)
    {
        fixed (long* d = dims)
            return Own(NativeMethods.adt_tensor_reduce((int)op, Handle, d, dims.Length, keepDim ? 1 : 0, p, out IntPtr r), r);
    }
}
