using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch.Diagnostics;

/// <summary>
/// The training loop of ../shared/peers/cpp_floor.cpp (its CNN or Embedding+LSTM model, Adam lr 1e-3, cross-entropy,
/// 8 batches of 64 cycled), compiled into the shim and stepped from this process. `autodnn bench step` interleaves its
/// steps with the managed twin's, so the binding's own cost is measured under the same process and machine conditions.
/// </summary>
public sealed class StepFloor : IDisposable
{
    private IntPtr loop;

    /// <summary>A fresh loop for <paramref name="model"/>, "cnn" or "lstm", seeded as cpp_floor.cpp seeds it.</summary>
    public StepFloor(string model)
    {
        NativeMethods.Check(NativeMethods.adt_bench_floor_new(StepTwins.ModelIndex(model), out loop));
    }

    /// <summary>Runs one training step on the calling thread; its wall time in milliseconds, measured in C++.</summary>
    public double Step()
    {
        ObjectDisposedException.ThrowIf(loop == IntPtr.Zero, this);
        NativeMethods.Check(NativeMethods.adt_bench_floor_step(loop, out double ms));
        return ms;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (loop == IntPtr.Zero) return;
        NativeMethods.adt_bench_floor_free(loop);
        loop = IntPtr.Zero;
    }
}
