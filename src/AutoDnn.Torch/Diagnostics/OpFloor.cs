using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch.Diagnostics;

/// <summary>libtorch's own time per call for the tiny-tensor cases of <c>autodnn bench ops</c>, measured in C++.</summary>
public static class OpFloor
{
    /// <summary>The cases, in the order the native side numbers them.</summary>
    public static IReadOnlyList<string> Cases { get; } =
        ["add", "mul_scalar", "relu", "sum", "matmul_4x4", "view", "slice", "autograd_step"];

    /// <summary>Nanoseconds per call of case <paramref name="name"/> in a plain C++ loop of <paramref name="iterations"/>.</summary>
    public static double NanosecondsPerCall(string name, long iterations)
    {
        int op = Cases.ToList().IndexOf(name);
        if (op < 0) throw new ArgumentException($"unknown case '{name}'; cases: {string.Join(", ", Cases)}", nameof(name));
        NativeMethods.Check(NativeMethods.adt_bench_op_floor(op, iterations, out double ns));
        return ns;
    }
}
