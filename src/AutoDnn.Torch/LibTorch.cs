using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch;

/// <summary>Process-wide facts and switches of the libtorch runtime: version, CUDA, threads, seeding, scopes.</summary>
public static class LibTorch
{
    private static readonly Lazy<string> version = new(() =>
    {
        NativeMethods.Check(NativeMethods.adt_runtime_version(out IntPtr raw));
        return NativeMethods.TakeString(raw);
    });

    private static readonly Lazy<int> cudaDeviceCount = new(() =>
    {
        NativeMethods.Check(NativeMethods.adt_cuda_device_count(out int count));
        return count;
    });

    /// <summary>Intra-op threads used when the runtime starts: $AUTODNN_THREADS, else every core.</summary>
    public static int DefaultThreads =>
        int.TryParse(Environment.GetEnvironmentVariable("AUTODNN_THREADS"), out int n) && n > 0 ? n : Environment.ProcessorCount;

    /// <summary>The libtorch version the shim was built against, e.g. "1.13.0".</summary>
    public static string Version => version.Value;

    /// <summary>True when libtorch was built with CUDA and sees at least one GPU.</summary>
    public static bool CudaIsAvailable => CudaDeviceCount > 0;

    /// <summary>Number of CUDA devices visible (0 on a CPU-only libtorch).</summary>
    public static int CudaDeviceCount => cudaDeviceCount.Value;

    /// <summary>libtorch's intra-op thread count (process-wide).</summary>
    public static int Threads
    {
        get { NativeMethods.Check(NativeMethods.adt_runtime_get_threads(out int n)); return n; }
        set => NativeMethods.Check(NativeMethods.adt_runtime_set_threads(value));
    }

    /// <summary>Seeds the default generators of every device, like <c>torch.manual_seed</c>.</summary>
    public static void ManualSeed(ulong seed) => NativeMethods.Check(NativeMethods.adt_random_manual_seed(seed));

    /// <summary>Starts a <see cref="DisposeScope"/> on this thread: tensors created until it is disposed are freed with it.</summary>
    public static DisposeScope NewScope() => new();

    /// <summary>Disables gradient recording on this thread until the result is disposed, like <c>torch.no_grad()</c>.</summary>
    public static GradModeScope NoGrad() => new(enabled: false);

    /// <summary>Re-enables gradient recording on this thread until disposed, like <c>torch.enable_grad()</c>.</summary>
    public static GradModeScope EnableGrad() => new(enabled: true);

    /// <summary>Whether operations on this thread currently record gradients.</summary>
    public static bool IsGradEnabled
    {
        get { NativeMethods.Check(NativeMethods.adt_autograd_is_enabled(out int on)); return on != 0; }
    }
}
