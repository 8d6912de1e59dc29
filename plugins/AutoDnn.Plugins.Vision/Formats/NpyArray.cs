namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>An array read from a NumPy .npy file, converted to float32 (C order), with its original dtype.</summary>
public sealed record NpyArray(int[] Shape, string DType, float[] Data)
{
    public int Count => Shape.Length == 0 ? 1 : Shape[0];
}
