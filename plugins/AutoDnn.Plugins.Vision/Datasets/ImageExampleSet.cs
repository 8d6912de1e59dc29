using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>Some rows of an <see cref="ImageArray"/> with their labels; each example is normalised when it is fetched.</summary>
internal sealed class ImageExampleSet : IExampleSet
{
    private readonly ImageArray images;
    private readonly int[] labels;
    private readonly int[] rows;
    private readonly Normalization normalization;
    private readonly long[] shape;

    /// <summary>Labels has one entry per image of <paramref name="images"/>; rows are the images in this set, in order.</summary>
    public ImageExampleSet(ImageArray images, int[] labels, int[] rows, Normalization normalization)
    {
        if (labels.Length != images.Count) throw new ArgumentException($"{labels.Length} labels for {images.Count} images");
        (this.images, this.labels, this.rows, this.normalization) = (images, labels, rows, normalization);
        shape = [images.Channels, images.Height, images.Width];
    }

    public int Count => rows.Length;

    public Example Get(int index)
    {
        if ((uint)index >= (uint)rows.Length) throw new ArgumentOutOfRangeException(nameof(index), index, $"example index must be in 0..{rows.Length - 1}");
        var buffer = new float[images.SampleSize];
        images.ReadUnit(rows[index], buffer);
        normalization.Apply(buffer);
        return new Example(Tensor.From<float>(buffer, shape), labels[rows[index]]);
    }
}
