using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch;

/// <summary>Frees an unscoped tensor's native handle when the GC finds the tensor unreachable.</summary>
/// <remarks>Only tensors outside every <see cref="DisposeScope"/> get one, so scoped tensors stay cheap to create.</remarks>
internal sealed class TensorReleaser(IntPtr handle)
{
    private IntPtr handle = handle;

    ~TensorReleaser()
    {
        if (handle != IntPtr.Zero) NativeMethods.adt_tensor_free(handle);
    }

    /// <summary>The tensor was disposed explicitly: nothing is left to free.</summary>
    public void Cancel()
    {
        handle = IntPtr.Zero;
        GC.SuppressFinalize(this);
    }
}
