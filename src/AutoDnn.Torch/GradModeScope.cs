using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch;

/// <summary>Sets whether autograd records on this thread, restoring the previous mode when disposed.</summary>
public sealed class GradModeScope : IDisposable
{
    private readonly bool previous;
    private bool disposed;

    internal GradModeScope(bool enabled)
    {
        previous = LibTorch.IsGradEnabled;
        NativeMethods.Check(NativeMethods.adt_autograd_set_enabled(enabled ? 1 : 0));
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        NativeMethods.Check(NativeMethods.adt_autograd_set_enabled(previous ? 1 : 0));
    }
}
