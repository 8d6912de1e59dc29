using System.Globalization;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Formats;

namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>
/// The <c>npy</c> dataset: images and integer labels in NumPy .npy files (N×H×W or N×C×H×W images, N labels),
/// with an optional predefined test pair.
/// </summary>
/// <remarks>
/// Options: <c>images</c> and <c>labels</c> (required), <c>test_images</c> and <c>test_labels</c> (both or neither),
/// <c>classes</c> (comma-separated names; default "0" … "max label"). uint8 images are scaled by 1/255, other dtypes
/// are taken as they are; then each channel is normalised with the mean and std of the training images.
/// </remarks>
public sealed class NpyDataset : IDataset
{
    public string Name => "npy";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "Images (N x H x W or N x C x H x W) and integer labels from NumPy .npy files, optional test pair.";

    public IDataSource Open(IReadOnlyDictionary<string, string> options)
    {
        var o = new DatasetOptions(Name, options, "images", "labels", "test_images", "test_labels", "classes");
        string imagesFile = o.RequiredPath("images"), labelsFile = o.RequiredPath("labels");
        string? testImagesFile = o.String("test_images"), testLabelsFile = o.String("test_labels");
        if ((testImagesFile is null) != (testLabelsFile is null))
            throw new ArgumentException($"{Name}: options test_images and test_labels go together; only {(testImagesFile is null ? "test_labels" : "test_images")} was given");

        var (train, trainLabels) = Load(imagesFile, labelsFile, null);
        ImageArray? test = null;
        int[]? testLabels = null;
        if (testImagesFile is not null)
            (test, testLabels) = Load(o.RequiredPath("test_images"), o.RequiredPath("test_labels"), (imagesFile, train));

        int maxLabel = trainLabels.Concat(testLabels ?? []).Max();
        IReadOnlyList<string> classes = o.Names("classes") ?? ClassNames.Numbered(maxLabel + 1);
        ClassNames.CheckLabels(trainLabels, classes.Count, labelsFile);
        if (testLabels is not null) ClassNames.CheckLabels(testLabels, classes.Count, testLabelsFile!);

        int[] trainRows = Enumerable.Range(0, train.Count).ToArray();
        Normalization normalization = Normalization.Measure(train, trainRows);
        var trainSet = new ImageExampleSet(train, trainLabels, trainRows, normalization);
        ImageExampleSet? testSet = test is null ? null : new ImageExampleSet(test, testLabels!, Enumerable.Range(0, test.Count).ToArray(), normalization);
        return new ImageDataSource(train, classes, trainSet, testSet, normalization);
    }

    private static (ImageArray Images, int[] Labels) Load(string imagesFile, string labelsFile, (string File, ImageArray Images)? reference)
    {
        NpyArray images = NpyReader.Read(imagesFile);
        int[] s = images.Shape;
        var (n, c, h, w) = s.Length switch
        {
            3 => (s[0], 1, s[1], s[2]),
            4 => (s[0], s[1], s[2], s[3]),
            _ => throw new InvalidDataException($"{imagesFile}: images must be N×H×W or N×C×H×W, this array is ({string.Join(", ", s)})"),
        };
        if (n == 0 || c == 0 || h == 0 || w == 0) throw new InvalidDataException($"{imagesFile}: array ({string.Join(", ", s)}) holds no images");
        bool bytes = images.DType.EndsWith("u1", StringComparison.Ordinal);
        if (reference is var (refFile, r) && (r.Channels != c || r.Height != h || r.Width != w || r.UnitScale != (bytes ? 1.0 / 255 : 1.0)))
            throw new InvalidDataException($"{imagesFile}: images are {c}×{h}×{w} of dtype {images.DType}, but {refFile} holds {r.Channels}×{r.Height}×{r.Width} of {(r.UnitScale == 1 ? "another dtype" : "uint8")}");

        NpyArray labels = NpyReader.Read(labelsFile);
        if (labels.Shape.Length != 1 || labels.Shape[0] != n)
            throw new InvalidDataException($"{labelsFile}: labels must be a 1-d array of {n} (one per image of {imagesFile}), this array is ({string.Join(", ", labels.Shape)})");
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            float v = labels.Data[i];
            if (v != MathF.Floor(v) || v < 0 || v > int.MaxValue)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{labelsFile}: label {v} of example {i} is not a class index (a whole number >= 0)"));
            y[i] = (int)v;
        }
        return (new ImageArray(images.Data, c, h, w, bytes ? 1.0 / 255 : 1.0), y);
    }
}
