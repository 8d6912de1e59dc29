using System.Runtime.InteropServices;

namespace AutoDnn.Torch.Interop;

/// <summary>The optimizer part of the C ABI (Native/adt_optim.cpp).</summary>
internal static partial class NativeMethods
{
    [LibraryImport(Library)] public static unsafe partial int adt_optim_new(int kind, IntPtr* parameters, int count, out IntPtr optimizer);
    [LibraryImport(Library)] public static partial void adt_optim_free(IntPtr optimizer);
    [LibraryImport(Library)] public static unsafe partial int adt_optim_step(OptimizerHandle optimizer, double* hyper);
    [LibraryImport(Library)] public static partial int adt_optim_zero_grad(OptimizerHandle optimizer, int setToNone);
    [LibraryImport(Library)] public static unsafe partial int adt_optim_clip_grad_norm(IntPtr* parameters, int count, double maxNorm, double normType, out double total);
}
