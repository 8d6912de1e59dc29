using System.Globalization;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Formats;

namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>
/// The <c>image-folder</c> dataset: PNG files in one sub-folder per class (classes are the sub-folder names, sorted),
/// like torchvision's ImageFolder. Every image must have the same size.
/// </summary>
/// <remarks>
/// Options: <c>path</c> (required), <c>test_path</c> (optional second folder with the same class sub-folders),
/// <c>channels</c> (1 or 3; default 1 when every training image is gray, else 3). Pixels are scaled to [0, 1], then
/// normalised per channel with the mean and std of the training images. Files other than *.png are ignored.
/// </remarks>
public sealed class ImageFolderDataset : IDataset
{
    public string Name => "image-folder";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "PNG images in one sub-folder per class (class = folder name); all images the same size, gray or RGB.";

    public IDataSource Open(IReadOnlyDictionary<string, string> options)
    {
        var o = new DatasetOptions(Name, options, "path", "test_path", "channels");
        string path = o.RequiredPath("path");
        string? testPath = o.String("test_path") is null ? null : o.RequiredPath("test_path");
        int? channels = o.Int("channels", 1, 3);
        if (channels == 2) throw o.Invalid("channels", "2", "not 1 (gray) or 3 (RGB)");

        string[] classes = ClassFolders(path, "path");
        var (trainFiles, trainLabels) = Files(path, classes);
        var decoded = trainFiles.Select(PngDecoder.Decode).ToList();
        int c = channels ?? (decoded.All(PixelLayout.IsGray) ? 1 : 3);
        ImageArray train = Pack(trainFiles, decoded, c, null);
        Normalization normalization = Normalization.Measure(train, Enumerable.Range(0, train.Count).ToArray());
        var trainSet = new ImageExampleSet(train, trainLabels, Enumerable.Range(0, train.Count).ToArray(), normalization);

        ImageExampleSet? testSet = null;
        if (testPath is not null)
        {
            string[] testClasses = ClassFolders(testPath, "test_path");
            string[] unknown = testClasses.Except(classes, StringComparer.Ordinal).ToArray();
            if (unknown.Length > 0)
                throw new InvalidDataException($"{Name}: test_path {testPath} has class folders the training folder lacks: {string.Join(", ", unknown)}");
            var (testFiles, testLabels) = Files(testPath, classes, allowMissing: true);
            ImageArray test = Pack(testFiles, testFiles.Select(PngDecoder.Decode).ToList(), c, (trainFiles[0], train.Height, train.Width));
            testSet = new ImageExampleSet(test, testLabels, Enumerable.Range(0, test.Count).ToArray(), normalization);
        }
        return new ImageDataSource(train, classes, trainSet, testSet, normalization);
    }

    private string[] ClassFolders(string root, string option)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{Name}: folder {root} (option {option}) does not exist");
        string[] classes = Directory.GetDirectories(root).Select(d => System.IO.Path.GetFileName(d)!)
            .Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToArray();
        if (classes.Length == 0) throw new InvalidDataException($"{Name}: folder {root} (option {option}) has no class sub-folders (one folder of PNG files per class)");
        return classes;
    }

    private (List<string> Files, int[] Labels) Files(string root, string[] classes, bool allowMissing = false)
    {
        var files = new List<string>();
        var labels = new List<int>();
        for (int label = 0; label < classes.Length; label++)
        {
            string folder = System.IO.Path.Combine(root, classes[label]);
            if (allowMissing && !Directory.Exists(folder)) continue;
            string[] pngs = Directory.GetFiles(folder).Where(f => f.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToArray();
            if (pngs.Length == 0 && !allowMissing) throw new InvalidDataException($"{Name}: class folder {folder} holds no .png files");
            files.AddRange(pngs);
            labels.AddRange(Enumerable.Repeat(label, pngs.Length));
        }
        if (files.Count == 0) throw new InvalidDataException($"{Name}: folder {root} holds no .png files in its class folders");
        return (files, [.. labels]);
    }

    // Channel-first bytes of every image; all must match the first one's size (or the given reference's).
    private static ImageArray Pack(List<string> files, List<PngImage> images, int channels, (string File, int Height, int Width)? reference)
    {
        var (refFile, height, width) = reference ?? (files[0], images[0].Height, images[0].Width);
        int size = channels * height * width;
        var bytes = new byte[(long)size * images.Count];
        for (int i = 0; i < images.Count; i++)
        {
            PngImage image = images[i];
            if (image.Height != height || image.Width != width)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{files[i]}: image is {image.Width}×{image.Height} (width×height), but {refFile} is {width}×{height}; image-folder needs every image the same size"));
            PixelLayout.ToChannelFirst(image, channels, bytes.AsSpan(i * size, size));
        }
        return new ImageArray(bytes, channels, height, width, 1.0 / 255);
    }
}
