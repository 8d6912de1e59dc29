namespace AutoDnn.Torch.Interop;

/// <summary>Keeps an optional generator's native handle alive for the length of one call.</summary>
internal readonly struct GeneratorLease : IDisposable
{
    private readonly GeneratorHandle? handle;

    public GeneratorLease(Generator? generator)
    {
        handle = generator?.Handle;
        if (handle is null) return;
        bool added = false;
        handle.DangerousAddRef(ref added);
    }

    public IntPtr Pointer => handle?.DangerousGetHandle() ?? IntPtr.Zero;

    public void Dispose() => handle?.DangerousRelease();
}
