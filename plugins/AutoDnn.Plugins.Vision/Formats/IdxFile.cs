namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>An array read from an IDX file (the MNIST / Fashion-MNIST format): its shape and its bytes.</summary>
public sealed record IdxFile(int[] Shape, byte[] Data)
{
    /// <summary>Number of items along the first dimension (images or labels).</summary>
    public int Count => Shape.Length == 0 ? 1 : Shape[0];

    /// <summary>Elements per item (e.g. 28 × 28 for an image file, 1 for a label file).</summary>
    public int ItemSize => Shape.Skip(1).Aggregate(1, (a, b) => a * b);
}
