using System.Runtime.InteropServices;

namespace AutoDnn.Torch.Interop;

/// <summary>Owns one native optimizer (its parameter references and state tensors).</summary>
internal sealed class OptimizerHandle : SafeHandle
{
    public OptimizerHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public OptimizerHandle(IntPtr raw) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(raw);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.adt_optim_free(handle);
        return true;
    }
}
