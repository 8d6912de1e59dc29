namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>scikit-learn's digits table: <see cref="Count"/> rows of 64 pixel values (0–16, row-major 8×8) and a label.</summary>
public sealed record DigitsCsv(byte[] Pixels, int[] Labels)
{
    /// <summary>Pixel values per image (8 × 8).</summary>
    public const int PixelsPerImage = 64;

    /// <summary>Largest pixel value (the 4×4-block counts of the original 32×32 bitmaps).</summary>
    public const int MaxPixel = 16;

    public int Count => Labels.Length;
}
