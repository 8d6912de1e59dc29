using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch;

/// <summary>Factories: from .NET data, constants, ranges and random draws (torch.tensor, zeros, rand…).</summary>
public sealed partial class Tensor
{
    /// <summary>Copies <paramref name="data"/> into a new tensor of the given shape (default: 1-d).</summary>
    public static unsafe Tensor From<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape, Device? device = null) where T : unmanaged
    {
        DType dt = ElementTypes.Of<T>();
        long count = 1;
        foreach (long s in shape) count *= s;
        if (count != data.Length)
            throw new ArgumentException($"shape [{string.Join(", ", shape.ToArray())}] holds {count} elements but {data.Length} were given");
        Device d = Ready(device);
        fixed (T* p = data)
        fixed (long* s = shape)
            return Wrap(NativeMethods.adt_tensor_from_data(p, s, shape.Length, (int)dt, (int)d.Type, d.Index, out IntPtr r), r);
    }

    /// <summary>Copies a 1-d array, or reshapes it to <paramref name="shape"/>.</summary>
    public static Tensor From<T>(T[] data, params long[] shape) where T : unmanaged =>
        From(new ReadOnlySpan<T>(data), shape.Length == 0 ? [data.LongLength] : (ReadOnlySpan<long>)shape);

    /// <summary>Copies a 2-d array.</summary>
    public static unsafe Tensor From<T>(T[,] data, Device? device = null) where T : unmanaged
    {
        fixed (T* p = data)
            return From(new ReadOnlySpan<T>(p, data.Length), [data.GetLength(0), data.GetLength(1)], device);
    }

    /// <summary>A 0-d tensor holding one number.</summary>
    public static Tensor Scalar<T>(T value, Device? device = null) where T : unmanaged =>
        From(new ReadOnlySpan<T>([value]), ReadOnlySpan<long>.Empty, device);

    public static Tensor Zeros(params long[] shape) => Full(shape, 0.0);

    public static Tensor Ones(params long[] shape) => Full(shape, 1.0);

    public static Tensor Zeros(long[] shape, DType dtype, Device? device = null) => Full(shape, 0.0, dtype, device);

    public static Tensor Ones(long[] shape, DType dtype, Device? device = null) => Full(shape, 1.0, dtype, device);

    /// <summary>A tensor filled with <paramref name="value"/> (float32 unless told otherwise).</summary>
    public static unsafe Tensor Full(long[] shape, double value, DType dtype = DType.Float32, Device? device = null)
    {
        Device d = Ready(device);
        Scalar v = ElementTypes.IsFloatingPoint(dtype) ? Interop.Scalar.Of(value) : Interop.Scalar.Of((long)value);
        fixed (long* s = shape)
            return Wrap(NativeMethods.adt_tensor_full(s, shape.Length, v.Value, v.IntValue, v.IsInt, (int)dtype, (int)d.Type, d.Index, out IntPtr r), r);
    }

    public static Tensor ZerosLike(Tensor t) => Full(t.Shape, 0.0, t.DType, t.Device);

    public static Tensor OnesLike(Tensor t) => Full(t.Shape, 1.0, t.DType, t.Device);

    /// <summary>Values from <paramref name="start"/> up to (excluding) <paramref name="end"/>, like <c>torch.arange</c>.</summary>
    public static Tensor Arange(double start, double end, double step = 1, DType dtype = DType.Int64, Device? device = null)
    {
        Device d = Ready(device);
        return Wrap(NativeMethods.adt_tensor_arange(start, end, step, (int)dtype, (int)d.Type, d.Index, out IntPtr r), r);
    }

    public static Tensor Arange(long end, DType dtype = DType.Int64, Device? device = null) => Arange(0, end, 1, dtype, device);

    public static Tensor Linspace(double start, double end, long steps, DType dtype = DType.Float32, Device? device = null)
    {
        Device d = Ready(device);
        return Wrap(NativeMethods.adt_tensor_linspace(start, end, steps, (int)dtype, (int)d.Type, d.Index, out IntPtr r), r);
    }

    public static Tensor Eye(long n, long? m = null, DType dtype = DType.Float32, Device? device = null)
    {
        Device d = Ready(device);
        return Wrap(NativeMethods.adt_tensor_eye(n, m ?? n, (int)dtype, (int)d.Type, d.Index, out IntPtr r), r);
    }

    /// <summary>Uniform draws on [0, 1), like <c>torch.rand</c>.</summary>
    public static Tensor Rand(long[] shape, Generator? generator = null, DType dtype = DType.Float32, Device? device = null) =>
        Random(0, shape, generator, dtype, device);

    /// <summary>Standard normal draws, like <c>torch.randn</c>.</summary>
    public static Tensor Randn(long[] shape, Generator? generator = null, DType dtype = DType.Float32, Device? device = null) =>
        Random(1, shape, generator, dtype, device);

    public static Tensor Rand(params long[] shape) => Random(0, shape, null, DType.Float32, null);

    public static Tensor Randn(params long[] shape) => Random(1, shape, null, DType.Float32, null);

    /// <summary>Integers in [<paramref name="low"/>, <paramref name="high"/>), like <c>torch.randint</c>.</summary>
    public static unsafe Tensor RandInt(long low, long high, long[] shape, Generator? generator = null, DType dtype = DType.Int64, Device? device = null)
    {
        Device d = Ready(device);
        using var g = new GeneratorLease(generator);
        fixed (long* s = shape)
            return Wrap(NativeMethods.adt_tensor_randint(low, high, s, shape.Length, g.Pointer, (int)dtype, (int)d.Type, d.Index, out IntPtr r), r);
    }

    /// <summary>A random permutation of 0..n-1, like <c>torch.randperm</c>.</summary>
    public static Tensor RandPerm(long n, Generator? generator = null, Device? device = null)
    {
        Device d = Ready(device);
        using var g = new GeneratorLease(generator);
        return Wrap(NativeMethods.adt_tensor_randperm(n, g.Pointer, (int)d.Type, d.Index, out IntPtr r), r);
    }

    private static unsafe Tensor Random(int kind, long[] shape, Generator? generator, DType dtype, Device? device)
    {
        Device d = Ready(device);
        using var g = new GeneratorLease(generator);
        fixed (long* s = shape)
            return Wrap(NativeMethods.adt_tensor_rand(kind, s, shape.Length, g.Pointer, (int)dtype, (int)d.Type, d.Index, out IntPtr r), r);
    }

    private static Device Ready(Device? device)
    {
        Device d = device ?? Device.Cpu;
        d.EnsureAvailable();
        return d;
    }
}
