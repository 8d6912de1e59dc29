namespace AutoDnn.Torch;

/// <summary>
/// Frees, when disposed, every tensor created on this thread since it began (nested scopes allowed).
/// <c>using var scope = LibTorch.NewScope();</c> around a training step keeps memory flat;
/// <see cref="Tensor.MoveToOuter"/> lets a result outlive the scope.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? current;

    private readonly List<Tensor> owned = new();
    private bool disposed;

    internal DisposeScope()
    {
        Outer = current;
        current = this;
    }

    /// <summary>The innermost live scope of this thread, if any.</summary>
    public static DisposeScope? Current => current;

    /// <summary>The scope that was current when this one began.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>Number of tensors this scope will free.</summary>
    public int Count => owned.Count(t => t.Scope == this);

    internal void Register(Tensor tensor)
    {
        owned.Add(tensor);
        tensor.Scope = this;
    }

    /// <summary>Frees the tensors still owned by this scope and makes the outer scope current again.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (Tensor t in owned)
            if (t.Scope == this) { t.Scope = null; t.Dispose(); }
        owned.Clear();
        // Scopes are normally disposed innermost first; if not, skip the ones already gone.
        if (current == this)
        {
            current = Outer;
            while (current is { disposed: true }) current = current.Outer;
        }
    }
}
