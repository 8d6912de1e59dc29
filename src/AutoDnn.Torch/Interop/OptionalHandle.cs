namespace AutoDnn.Torch.Interop;

/// <summary>Keeps an optional tensor reachable for one native call and gives its pointer (or null).</summary>
internal readonly struct OptionalHandle : IDisposable
{
    private readonly Tensor? tensor;

    public OptionalHandle(Tensor? tensor) => this.tensor = tensor;

    public IntPtr Pointer => tensor?.Handle ?? IntPtr.Zero;

    public void Dispose() => GC.KeepAlive(tensor);
}
