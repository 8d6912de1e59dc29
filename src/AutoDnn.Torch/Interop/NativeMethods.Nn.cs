using System.Runtime.InteropServices;

namespace AutoDnn.Torch.Interop;

/// <summary>The functional neural-network part of the C ABI (Native/adt_nn.cpp).</summary>
internal static partial class NativeMethods
{
    [LibraryImport(Library)] public static unsafe partial int adt_nn_conv2d(IntPtr input, IntPtr weight, IntPtr bias, long* stride, long* padding, long* dilation, long groups, out IntPtr result);
    [LibraryImport(Library)] public static unsafe partial int adt_nn_max_pool2d(IntPtr input, long* kernel, long* stride, long* padding, long* dilation, int ceilMode, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_nn_linear(IntPtr input, IntPtr weight, IntPtr bias, out IntPtr result);
    [LibraryImport(Library)] public static partial int adt_nn_cross_entropy(IntPtr input, IntPtr target, IntPtr weight, long reduction, long ignoreIndex, double labelSmoothing, out IntPtr result);
}
