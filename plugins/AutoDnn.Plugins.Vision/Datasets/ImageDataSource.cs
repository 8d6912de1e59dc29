using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>An opened image dataset: [C, H, W] inputs, class names, train and optional test examples, and prediction input.</summary>
internal sealed class ImageDataSource : IDataSource, IInputReader
{
    private readonly ImageArray images;
    private readonly IExampleSet train;
    private readonly IExampleSet? test;
    private bool disposed;

    public ImageDataSource(ImageArray images, IReadOnlyList<string> classes, IExampleSet train, IExampleSet? test, Normalization normalization)
    {
        this.images = images;
        (Classes, this.train, this.test, Normalization) = (classes, train, test, normalization);
        InputShape = [images.Channels, images.Height, images.Width];
    }

    public IReadOnlyList<long> InputShape { get; }

    public IReadOnlyList<string>? Vocabulary => null;

    public IReadOnlyList<string> Classes { get; }

    public IExampleSet Train => disposed ? throw Disposed() : train;

    public IExampleSet? Test => disposed ? throw Disposed() : test;

    public Normalization Normalization { get; }

    public string InputDescription => ImageInputReader.Description;

    public IReadOnlyList<Tensor> ReadInputs(string path)
    {
        if (disposed) throw Disposed();
        IReadOnlyList<float[]> inputs = ImageInputReader.Read(path, images.Channels, images.Height, images.Width, images.UnitScale);
        long[] shape = [images.Channels, images.Height, images.Width];
        var tensors = new List<Tensor>(inputs.Count);
        foreach (float[] input in inputs)
        {
            Normalization.Apply(input);
            tensors.Add(Tensor.From(input, shape));
        }
        return tensors;
    }

    public void Dispose() => disposed = true;

    private static ObjectDisposedException Disposed() => new(nameof(ImageDataSource), "this data source was disposed");
}
