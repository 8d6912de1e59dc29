namespace AutoDnn.Torch;

/// <summary>Maps .NET element types to <see cref="DType"/> and gives element sizes.</summary>
internal static class ElementTypes
{
    public static DType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? DType.Float32 :
        typeof(T) == typeof(double) ? DType.Float64 :
        typeof(T) == typeof(long) ? DType.Int64 :
        typeof(T) == typeof(int) ? DType.Int32 :
        typeof(T) == typeof(short) ? DType.Int16 :
        typeof(T) == typeof(sbyte) ? DType.Int8 :
        typeof(T) == typeof(byte) ? DType.UInt8 :
        typeof(T) == typeof(bool) ? DType.Bool :
        typeof(T) == typeof(Half) ? DType.Float16 :
        throw new ArgumentException($"{typeof(T).Name} is not a tensor element type (use float, double, long, int, short, sbyte, byte, bool or Half).");

    public static bool IsFloatingPoint(DType t) => t is DType.Float16 or DType.Float32 or DType.Float64 or DType.BFloat16;
}
