using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch;

/// <summary>
/// An n-dimensional array in libtorch with autograd, like <c>torch.Tensor</c>. Owns one native handle:
/// dispose it, or create it inside a <see cref="DisposeScope"/> that frees it.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private long[]? shape;
    private DType? dtype;
    private Device? device;

    private IntPtr handle;
    private TensorReleaser? releaser;

    // A tensor made inside a scope is freed by the scope and carries no finalizer (allocating finalizable
    // objects is what dominates per-op overhead); one made outside every scope gets a releaser that the GC finalizes.
    internal Tensor(IntPtr raw)
    {
        handle = raw;
        DisposeScope? scope = DisposeScope.Current;
        if (scope is null) releaser = new TensorReleaser(raw);
        else scope.Register(this);
    }

    /// <summary>The native <c>at::Tensor*</c>. Callers keep this object alive across the native call.</summary>
    internal IntPtr Handle => handle != IntPtr.Zero ? handle : throw new ObjectDisposedException(nameof(Tensor), "this tensor was disposed (by you, by its DisposeScope, or by a Sequential once the next module had used it); use MoveToOuter() to keep a result");

    /// <summary>The scope that will free this tensor, if any.</summary>
    internal DisposeScope? Scope { get; set; }

    /// <summary>True once the native tensor has been freed.</summary>
    public bool IsDisposed => handle == IntPtr.Zero;

    /// <summary>Sizes of each dimension (PyTorch's <c>shape</c>).</summary>
    public long[] Shape => (long[])LoadShape().Clone();

    /// <summary>Number of dimensions.</summary>
    public int Dim => LoadShape().Length;

    /// <summary>Total number of elements.</summary>
    public long NumEl
    {
        get
        {
            long n = 1;
            foreach (long s in LoadShape()) n *= s;
            return n;
        }
    }

    /// <summary>Size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public long Size(int dim)
    {
        long[] s = LoadShape();
        int d = dim < 0 ? dim + s.Length : dim;
        if (d < 0 || d >= s.Length) throw new ArgumentOutOfRangeException(nameof(dim), $"dimension {dim} is out of range for a {s.Length}-d tensor");
        return s[d];
    }

    /// <summary>Element type.</summary>
    public DType DType
    {
        get
        {
            if (dtype is null) LoadInfo(out _);
            return dtype!.Value;
        }
    }

    /// <summary>Device holding the data.</summary>
    public Device Device
    {
        get
        {
            if (device is null) LoadInfo(out _);
            return device!.Value;
        }
    }

    /// <summary>Detaches this tensor from its scope and hands it to the enclosing scope (or to no scope).</summary>
    public Tensor MoveToOuter()
    {
        DisposeScope? from = Scope;
        if (from is null) return this;
        Scope = null;
        if (from.Outer is null) GiveToFinalizer();
        else from.Outer.Register(this);
        return this;
    }

    /// <summary>Takes this tensor out of every scope: the caller disposes it (or the GC finalizes it).</summary>
    public Tensor DetachFromScope()
    {
        if (Scope is null) return this;
        Scope = null;
        GiveToFinalizer();
        return this;
    }

    public void Dispose()
    {
        IntPtr h = Interlocked.Exchange(ref handle, IntPtr.Zero);
        if (h == IntPtr.Zero) return;
        releaser?.Cancel();
        NativeMethods.adt_tensor_free(h);
    }

    private void GiveToFinalizer()
    {
        if (handle != IntPtr.Zero) releaser ??= new TensorReleaser(handle);
    }

    /// <summary>A one-line summary: shape, dtype and device.</summary>
    public override string ToString() =>
        IsDisposed ? "Tensor(disposed)" : $"Tensor([{string.Join(", ", LoadShape())}], {DType}, {Device})";

    /// <summary>All values as libtorch prints them.</summary>
    public string Format()
    {
        Done(NativeMethods.adt_tensor_format(Handle, out IntPtr text));
        return NativeMethods.TakeString(text);
    }

    private unsafe long[] LoadShape()
    {
        if (shape is not null) return shape;
        Span<long> buffer = stackalloc long[16];
        int ndim;
        fixed (long* p = buffer) Done(NativeMethods.adt_tensor_shape(Handle, p, buffer.Length, out ndim));
        if (ndim > buffer.Length)
        {
            var big = new long[ndim];
            fixed (long* p = big) Done(NativeMethods.adt_tensor_shape(Handle, p, ndim, out ndim));
            return shape = big;
        }
        return shape = buffer[..ndim].ToArray();
    }

    private void LoadInfo(out bool requiresGrad)
    {
        Done(NativeMethods.adt_tensor_info(Handle, out int dt, out int devType, out int devIndex, out int rg));
        dtype = (DType)dt;
        device = new Device((DeviceType)devType, devIndex);
        requiresGrad = rg != 0;
    }

    private static Tensor Wrap(int status, IntPtr raw)
    {
        NativeMethods.Check(status);
        return new Tensor(raw);
    }

    // Instance results keep `this` (and the other inputs) reachable until the native call has returned,
    // so a finalizer can never free an input while libtorch is using it.
    private void Done(int status, Tensor? other = null)
    {
        GC.KeepAlive(this);
        GC.KeepAlive(other);
        NativeMethods.Check(status);
    }

    private Tensor Own(int status, IntPtr raw)
    {
        GC.KeepAlive(this);
        return Wrap(status, raw);
    }

    private Tensor Own(int status, IntPtr raw, Tensor input)
    {
        GC.KeepAlive(input);
        return Own(status, raw);
    }

    private Tensor Own(int status, IntPtr raw, Tensor a, Tensor b)
    {
        GC.KeepAlive(a);
        GC.KeepAlive(b);
        return Own(status, raw);
    }
}
