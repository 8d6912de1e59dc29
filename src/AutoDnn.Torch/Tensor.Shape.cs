using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch;

/// <summary>Shape changes, joins and conversions (view, reshape, permute, cat, to…).</summary>
public sealed partial class Tensor
{
    /// <summary>Same data seen with another shape (-1 infers one size); fails when the layout does not allow it.</summary>
    public unsafe Tensor View(params long[] shape)
    {
        fixed (long* s = shape) return Own(NativeMethods.adt_tensor_view(Handle, s, shape.Length, 0, out IntPtr r), r);
    }

    /// <summary>Like <see cref="View"/>, copying when the layout requires it.</summary>
    public unsafe Tensor Reshape(params long[] shape)
    {
        fixed (long* s = shape) return Own(NativeMethods.adt_tensor_view(Handle, s, shape.Length, 1, out IntPtr r), r);
    }

    public unsafe Tensor Permute(params long[] dims)
    {
        fixed (long* d = dims) return Own(NativeMethods.adt_tensor_permute(Handle, d, dims.Length, out IntPtr r), r);
    }

    /// <summary>Broadcasts size-1 dimensions to <paramref name="shape"/> without copying (-1 keeps a size).</summary>
    public unsafe Tensor Expand(params long[] shape)
    {
        fixed (long* s = shape) return Own(NativeMethods.adt_tensor_expand(Handle, s, shape.Length, out IntPtr r), r);
    }

    public Tensor Transpose(long dim0, long dim1) => Own(NativeMethods.adt_tensor_transpose(Handle, dim0, dim1, out IntPtr r), r);

    /// <summary>Transpose of a 2-d tensor.</summary>
    public Tensor T => Transpose(0, 1);

    public Tensor Squeeze() => Own(NativeMethods.adt_tensor_squeeze(Handle, 0, 0, out IntPtr r), r);
    public Tensor Squeeze(long dim) => Own(NativeMethods.adt_tensor_squeeze(Handle, dim, 1, out IntPtr r), r);
    public Tensor Unsqueeze(long dim) => Own(NativeMethods.adt_tensor_unsqueeze(Handle, dim, out IntPtr r), r);

    public Tensor Flatten(long startDim = 0, long endDim = -1) =>
        Own(NativeMethods.adt_tensor_flatten(Handle, startDim, endDim, out IntPtr r), r);

    public Tensor Contiguous() => Own(NativeMethods.adt_tensor_contiguous(Handle, out IntPtr r), r);

    /// <summary>A copy with its own storage (gradients flow back to this tensor).</summary>
    public Tensor Clone() => Own(NativeMethods.adt_tensor_clone(Handle, out IntPtr r), r);

    public Tensor To(DType dtype) => To(dtype, Device);

    public Tensor To(Device device) => To(DType, device);

    public Tensor To(DType dtype, Device device)
    {
        device.EnsureAvailable();
        return Own(NativeMethods.adt_tensor_to(Handle, (int)dtype, (int)device.Type, device.Index, out IntPtr r), r);
    }

    /// <summary>Joins tensors along an existing dimension, like <c>torch.cat</c>.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: false);

    /// <summary>Joins tensors along a new dimension, like <c>torch.stack</c>.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: true);

    private static unsafe Tensor Join(IReadOnlyList<Tensor> tensors, long dim, bool stack)
    {
        var raw = new IntPtr[tensors.Count];
        for (int i = 0; i < raw.Length; i++) raw[i] = tensors[i].Handle;
        int status;
        IntPtr r;
        fixed (IntPtr* p = raw) status = NativeMethods.adt_tensor_cat(p, raw.Length, dim, stack ? 1 : 0, out r);
        GC.KeepAlive(tensors);
        return Wrap(status, r);
    }
}
