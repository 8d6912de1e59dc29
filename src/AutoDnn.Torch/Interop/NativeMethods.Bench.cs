using System.Runtime.InteropServices;

namespace AutoDnn.Torch.Interop;

/// <summary>The benchmark part of the C ABI (Native/adt_bench.cpp).</summary>
internal static partial class NativeMethods
{
    [LibraryImport(Library)] public static partial int adt_bench_op_floor(int op, long iterations, out double nsPerCall);
    [LibraryImport(Library)] public static partial int adt_bench_floor_new(int model, out IntPtr loop);
    [LibraryImport(Library)] public static partial int adt_bench_floor_step(IntPtr loop, out double ms);
    [LibraryImport(Library)] public static partial void adt_bench_floor_free(IntPtr loop);
    [LibraryImport(Library)] public static partial int adt_opcount_start();
    [LibraryImport(Library)] public static partial int adt_opcount_stop(out IntPtr text);
}
