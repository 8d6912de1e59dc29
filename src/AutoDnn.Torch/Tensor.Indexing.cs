using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch;

/// <summary>Python-style indexing (<c>t[0, 1..3, TensorIndex.Ellipsis, mask]</c>), selection and scatter-free gathers.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Reads (a view for integer/slice/new-axis indices, a copy for tensor indices) or writes through the index.
    /// Writing accepts a tensor (broadcast) or, via <see cref="Assign(ReadOnlySpan{TensorIndex}, double)"/>, a number.
    /// </summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[params ReadOnlySpan<TensorIndex> indices]
    {
        get => Apply(indices, out _, out _);
        set => Assign(indices, value);
    }

    /// <summary>t[indices] = value for a tensor value (broadcast).</summary>
    public void Assign(ReadOnlySpan<TensorIndex> indices, Tensor value)
    {
        using var scratch = new DisposeScope();
        Tensor target = Apply(indices, out long? tensorDim, out Tensor? tensorIndex, stopBeforeTensor: true);
        if (tensorIndex is null) { target.CopyInPlace(value); return; }
        target.Done(NativeMethods.adt_tensor_index_put_(target.Handle, tensorDim!.Value, tensorIndex.Handle, value.Handle), value);
        GC.KeepAlive(tensorIndex);
    }

    /// <summary>t[indices] = value for a number.</summary>
    public void Assign(ReadOnlySpan<TensorIndex> indices, double value)
    {
        using var scratch = new DisposeScope();
        Assign(indices, Full([], value, DType, Device));
    }

    /// <summary>Slice of one dimension: elements start, start+step, … below end.</summary>
    public Tensor Slice(long dim, long? start, long? end, long step = 1) =>
        Own(NativeMethods.adt_tensor_slice(Handle, dim, start ?? 0, start.HasValue ? 1 : 0, end ?? 0, end.HasValue ? 1 : 0, step, out IntPtr r), r);

    /// <summary>Length-<paramref name="length"/> window of one dimension, like <c>torch.narrow</c>.</summary>
    public Tensor Narrow(long dim, long start, long length) => Slice(dim, start, start + length);

    /// <summary>Removes dimension <paramref name="dim"/> by taking element <paramref name="index"/>.</summary>
    public Tensor Select(long dim, long index) => Own(NativeMethods.adt_tensor_select(Handle, dim, index, out IntPtr r), r);

    public Tensor IndexSelect(long dim, Tensor index) => Own(NativeMethods.adt_tensor_index_select(Handle, dim, index.Handle, out IntPtr r), r, index);

    public Tensor Gather(long dim, Tensor index) => Own(NativeMethods.adt_tensor_gather(Handle, dim, index.Handle, out IntPtr r), r, index);

    public Tensor MaskedSelect(Tensor mask) => Own(NativeMethods.adt_tensor_masked_select(Handle, mask.Handle, out IntPtr r), r, mask);

    public Tensor MaskedFill(Tensor mask, double value)
    {
        Scalar v = ElementTypes.IsFloatingPoint(DType) ? Interop.Scalar.Of(value) : Interop.Scalar.Of((long)value);
        return Own(NativeMethods.adt_tensor_masked_fill(Handle, mask.Handle, v.Value, v.IntValue, v.IsInt, out IntPtr r), r, mask);
    }

    // Walks the indices left to right like PyTorch: integers drop a dimension, slices keep it, NewAxis adds one,
    // Ellipsis stands for the untouched middle, a tensor index gathers. Each intermediate view is freed at once.
    private Tensor Apply(ReadOnlySpan<TensorIndex> indices, out long? tensorDim, out Tensor? tensorIndex, bool stopBeforeTensor = false)
    {
        tensorDim = null;
        tensorIndex = null;
        int consumed = 0, ellipses = 0, tensors = 0;
        foreach (TensorIndex index in indices)
        {
            switch (index.Kind)
            {
                case TensorIndex.IndexKind.Single or TensorIndex.IndexKind.Slice: consumed++; break;
                case TensorIndex.IndexKind.Ellipsis: ellipses++; break;
                case TensorIndex.IndexKind.Tensor: tensors++; consumed += index.Tensor!.DType == DType.Bool ? index.Tensor.Dim : 1; break;
            }
        }
        if (ellipses > 1) throw new ArgumentException("an index can hold only one Ellipsis");
        if (tensors > 1) throw new ArgumentException("only one tensor index per indexing expression is supported; index in steps");
        int rank = Dim;
        if (consumed > rank) throw new ArgumentException($"too many indices for a {rank}-d tensor: {consumed} given");
        if (stopBeforeTensor && tensors == 1 && indices[^1].Kind != TensorIndex.IndexKind.Tensor)
            throw new ArgumentException("when assigning through a tensor index, the tensor index must come last");

        Tensor result = this;
        long dim = 0;
        try
        {
            foreach (TensorIndex index in indices)
            {
                Tensor next;
                switch (index.Kind)
                {
                    case TensorIndex.IndexKind.Single: next = result.Select(dim, index.SingleIndex); break;
                    case TensorIndex.IndexKind.Slice: next = result.Slice(dim, index.Start, index.Stop, index.Step); dim++; break;
                    case TensorIndex.IndexKind.NewAxis: next = result.Unsqueeze(dim); dim++; break;
                    case TensorIndex.IndexKind.Ellipsis: dim += rank - consumed; continue;
                    default:
                        if (stopBeforeTensor) { tensorDim = dim; tensorIndex = index.Tensor; continue; }
                        next = result.Own(NativeMethods.adt_tensor_index(result.Handle, dim, index.Tensor!.Handle, out IntPtr r), r, index.Tensor);
                        dim += index.Tensor.DType == DType.Bool ? 1 : index.Tensor.Dim;
                        break;
                }
                if (!ReferenceEquals(result, this)) result.Dispose();
                result = next;
            }
            return ReferenceEquals(result, this) ? View(Shape) : result;
        }
        catch
        {
            if (!ReferenceEquals(result, this)) result.Dispose();
            throw;
        }
    }
}
