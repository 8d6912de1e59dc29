using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Formats;

namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>
/// The <c>fashion-mnist</c> dataset: 28×28 gray images in IDX files (Zalando's Fashion-MNIST, 60,000 train and 10,000
/// test); any folder with the same four IDX files works (MNIST too, with <c>classes</c>).
/// </summary>
/// <remarks>
/// Options: <c>path</c> (folder, default <see cref="DefaultFolder"/>) holding train-images-idx3-ubyte, train-labels-idx1-ubyte
/// and optionally t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, each plain or .gz; <c>limit</c> / <c>test_limit</c>
/// (first N examples); <c>classes</c> (comma-separated names). Pixels are scaled to [0, 1], then (x − 0.2860) / 0.3530,
/// Fashion-MNIST's training mean and std.
/// </remarks>
public sealed class FashionMnistDataset : IDataset
{
    /// <summary>Where Debian's dataset-fashion-mnist package installs the files.</summary>
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Mean of Fashion-MNIST's training pixels in [0, 1].</summary>
    public const double Mean = 0.2860;

    /// <summary>Standard deviation of Fashion-MNIST's training pixels in [0, 1].</summary>
    public const double Std = 0.3530;

    /// <summary>Fashion-MNIST's ten classes, in label order.</summary>
    public static IReadOnlyList<string> FashionClasses { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public string Name => "fashion-mnist";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "Fashion-MNIST (or any MNIST-style IDX folder): 28x28 gray images, 60,000 train and 10,000 test, 10 classes.";

    public IDataSource Open(IReadOnlyDictionary<string, string> options)
    {
        var o = new DatasetOptions(Name, options, "path", "limit", "test_limit", "classes");
        string folder = o.Path("path", DefaultFolder);
        int? limit = o.Int("limit", 1, int.MaxValue);
        int? testLimit = o.Int("test_limit", 1, int.MaxValue);
        IReadOnlyList<string> classes = o.Names("classes") ?? FashionClasses;
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{Name}: folder {folder} (option path) does not exist");

        string trainImages = Find(folder, "train-images-idx3-ubyte") ?? throw Missing(folder, "train-images-idx3-ubyte");
        string trainLabels = Find(folder, "train-labels-idx1-ubyte") ?? throw Missing(folder, "train-labels-idx1-ubyte");
        string? testImages = Find(folder, "t10k-images-idx3-ubyte"), testLabels = Find(folder, "t10k-labels-idx1-ubyte");
        if ((testImages is null) != (testLabels is null))
            throw Missing(folder, testImages is null ? "t10k-images-idx3-ubyte" : "t10k-labels-idx1-ubyte", "the test split needs both t10k files; ");

        var (train, trainY) = Load(trainImages, trainLabels, limit, classes.Count);
        var normalization = Normalization.Fixed(Mean, Std, 1);
        ImageExampleSet? test = null;
        if (testImages is not null)
        {
            var (images, labels) = Load(testImages, testLabels!, testLimit, classes.Count);
            if (images.Height != train.Height || images.Width != train.Width)
                throw new InvalidDataException($"{testImages}: images are {images.Height}×{images.Width}, but the training images are {train.Height}×{train.Width}");
            test = new ImageExampleSet(images, labels, Enumerable.Range(0, images.Count).ToArray(), normalization);
        }
        var trainSet = new ImageExampleSet(train, trainY, Enumerable.Range(0, train.Count).ToArray(), normalization);
        return new ImageDataSource(train, classes, trainSet, test, normalization);
    }

    private static (ImageArray Images, int[] Labels) Load(string imagesFile, string labelsFile, int? limit, int classCount)
    {
        IdxFile images = IdxReader.Read(imagesFile, limit);
        if (images.Shape.Length != 3)
            throw new InvalidDataException($"{imagesFile}: an images file has 3 dimensions [N, H, W], this one has [{string.Join(", ", images.Shape)}]");
        IdxFile labels = IdxReader.Read(labelsFile, limit);
        if (labels.Shape.Length != 1)
            throw new InvalidDataException($"{labelsFile}: a labels file has 1 dimension [N], this one has [{string.Join(", ", labels.Shape)}]");
        if (labels.Count != images.Count)
            throw new InvalidDataException($"{labelsFile}: {labels.Count} labels for the {images.Count} images of {imagesFile}");
        int[] y = labels.Data.Select(b => (int)b).ToArray();
        ClassNames.CheckLabels(y, classCount, labelsFile);
        return (new ImageArray(images.Data, 1, images.Shape[1], images.Shape[2], 1.0 / 255), y);
    }

    private static string? Find(string folder, string name)
    {
        string plain = System.IO.Path.Combine(folder, name);
        return File.Exists(plain) ? plain : File.Exists(plain + ".gz") ? plain + ".gz" : null;
    }

    private FileNotFoundException Missing(string folder, string name, string why = "") =>
        new($"{Name}: {why}folder {folder} (option path) has no {name} or {name}.gz");
}
