using System.Runtime.InteropServices;

namespace AutoDnn.Torch.Serialization;

/// <summary>Raw little-endian element bytes of tensors, and PyTorch's storage class names for each element type.</summary>
internal static class TensorBytes
{
    private static readonly (DType DType, string Storage)[] Names =
    [
        (DType.Float32, "FloatStorage"), (DType.Float64, "DoubleStorage"), (DType.Float16, "HalfStorage"),
        (DType.Int64, "LongStorage"), (DType.Int32, "IntStorage"), (DType.Int16, "ShortStorage"),
        (DType.Int8, "CharStorage"), (DType.UInt8, "ByteStorage"), (DType.Bool, "BoolStorage"),
    ];

    public static string StorageName(DType dtype)
    {
        foreach (var (d, s) in Names) if (d == dtype) return s;
        throw new NotSupportedException($"tensors of {dtype} cannot be written to a weights file; convert them with To(DType.Float32) first");
    }

    public static DType DTypeOfStorage(string storage, string path)
    {
        foreach (var (d, s) in Names) if (s == storage) return d;
        throw new InvalidDataException($"'{path}' holds a torch.{storage}, which AutoDnn cannot read (supported: {string.Join(", ", Names.Select(n => n.Storage))})");
    }

    /// <summary>The elements of <paramref name="tensor"/> in row-major order, copied to the CPU.</summary>
    public static byte[] Of(Tensor tensor)
    {
        using var scope = LibTorch.NewScope();
        Tensor t = tensor.Device == Device.Cpu ? tensor : tensor.To(Device.Cpu);
        return t.DType switch
        {
            DType.Float32 => Bytes(t.ToArray<float>()),
            DType.Float64 => Bytes(t.ToArray<double>()),
            DType.Float16 => Bytes(t.ToArray<Half>()),
            DType.Int64 => Bytes(t.ToArray<long>()),
            DType.Int32 => Bytes(t.ToArray<int>()),
            DType.Int16 => Bytes(t.ToArray<short>()),
            DType.Int8 => Bytes(t.ToArray<sbyte>()),
            DType.UInt8 => t.ToArray<byte>(),
            DType.Bool => Bytes(t.ToArray<bool>()),
            _ => throw new NotSupportedException($"tensors of {t.DType} cannot be written to a weights file; convert them with To(DType.Float32) first"),
        };
    }

    /// <summary>A new tensor viewing <paramref name="storage"/> with the given offset, sizes and strides (copied out).</summary>
    public static Tensor ToTensor(byte[] storage, DType dtype, long offset, long[] size, long[] stride, string where) => dtype switch
    {
        DType.Float32 => Make<float>(storage, offset, size, stride, where),
        DType.Float64 => Make<double>(storage, offset, size, stride, where),
        DType.Float16 => Make<Half>(storage, offset, size, stride, where),
        DType.Int64 => Make<long>(storage, offset, size, stride, where),
        DType.Int32 => Make<int>(storage, offset, size, stride, where),
        DType.Int16 => Make<short>(storage, offset, size, stride, where),
        DType.Int8 => Make<sbyte>(storage, offset, size, stride, where),
        DType.UInt8 => Make<byte>(storage, offset, size, stride, where),
        DType.Bool => Make<bool>(storage, offset, size, stride, where),
        _ => throw new InvalidDataException($"{where}: element type {dtype} is not supported"),
    };

    private static byte[] Bytes<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static Tensor Make<T>(byte[] storage, long offset, long[] size, long[] stride, string where) where T : unmanaged
    {
        ReadOnlySpan<T> all = MemoryMarshal.Cast<byte, T>(storage);
        long count = 1;
        foreach (long s in size) count *= s;
        var values = new T[count];
        var index = new long[size.Length];
        for (long n = 0; n < count; n++)
        {
            long at = offset;
            for (int d = 0; d < size.Length; d++) at += index[d] * stride[d];
            if (at < 0 || at >= all.Length) throw new InvalidDataException($"{where}: element {at} lies outside the storage of {all.Length}");
            values[n] = all[(int)at];
            for (int d = size.Length - 1; d >= 0; d--)
            {
                if (++index[d] < size[d]) break;
                index[d] = 0;
            }
        }
        return Tensor.From(new ReadOnlySpan<T>(values), size);
    }
}
