using System.Runtime.InteropServices;

namespace AutoDnn.Torch.Interop;

/// <summary>Owns one native <c>at::Tensor*</c> and frees it exactly once.</summary>
internal sealed class TensorHandle : SafeHandle
{
    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public TensorHandle(IntPtr raw) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(raw);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.adt_tensor_free(handle);
        return true;
    }
}
