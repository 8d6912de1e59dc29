namespace AutoDnn.Torch.Interop;

/// <summary>A number crossing the ABI as (double, long, isInt), so integer tensors keep integer arithmetic.</summary>
internal readonly record struct Scalar(double Value, long IntValue, int IsInt)
{
    public static Scalar Of(double value) => new(value, 0, 0);

    public static Scalar Of(long value) => new(value, value, 1);

    public static Scalar Of(bool value) => new(value ? 1 : 0, value ? 1 : 0, 1);
}
