using AutoDnn.Torch.Interop;

namespace AutoDnn.Torch;

/// <summary>Copying values back to .NET: arrays, spans and single items.</summary>
public sealed partial class Tensor
{
    /// <summary>Copies every element (row-major) into a new array; <typeparamref name="T"/> must match <see cref="DType"/>.</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        var result = new T[NumEl];
        CopyTo<T>(result);
        return result;
    }

    /// <summary>Copies every element (row-major) into <paramref name="destination"/>, which must be exactly NumEl long.</summary>
    public unsafe void CopyTo<T>(Span<T> destination) where T : unmanaged
    {
        DType want = ElementTypes.Of<T>();
        if (want != DType)
            throw new InvalidOperationException($"tensor holds {DType} but {typeof(T).Name} ({want}) was asked for; convert with To(DType.{want}) first");
        fixed (T* p = destination)
            Done(NativeMethods.adt_tensor_copy_to(Handle, p, (long)destination.Length * sizeof(T)));
    }

    /// <summary>The value of a one-element tensor as a double (PyTorch's <c>item()</c>).</summary>
    public double Item()
    {
        Done(NativeMethods.adt_tensor_item(Handle, out double value, out _));
        return value;
    }

    /// <summary>The value of a one-element integer tensor, exactly.</summary>
    public long ItemInt64()
    {
        Done(NativeMethods.adt_tensor_item(Handle, out _, out long value));
        return value;
    }

    public float ToSingle() => (float)Item();

    public double ToDouble() => Item();

    public bool ToBoolean() => ItemInt64() != 0;

    /// <summary>Bytes per element.</summary>
    public int ElementSize => DType switch
    {
        DType.UInt8 or DType.Int8 or DType.Bool => 1,
        DType.Int16 or DType.Float16 or DType.BFloat16 => 2,
        DType.Int32 or DType.Float32 => 4,
        _ => 8,
    };

}
