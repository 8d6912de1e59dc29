using System.Runtime.InteropServices;

namespace AutoDnn.Torch.Interop;

/// <summary>The benchmark part of the C ABI (Native/adt_bench.cpp).</summary>
internal static partial class NativeMethods
{
    [LibraryImport(Library)] public static partial int adt_bench_op_floor(int op, long iterations, out double nsPerCall);
}
