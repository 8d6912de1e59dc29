using System.Globalization;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Formats;

namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>
/// The <c>sklearn-digits</c> dataset (the quickstart's): scikit-learn's 1,797 handwritten digits, 1×8×8 images of
/// values 0–16, ten classes "0"–"9", split by a seeded stratified holdout.
/// </summary>
/// <remarks>
/// Options: <c>path</c> (default <see cref="DefaultPath"/>), <c>test_fraction</c> (in [0, 1), default 0.2; 0 means no
/// test split), <c>seed</c> (default 0). Values are scaled to [0, 1] (÷16), then (x − 0.3053) / 0.3760, the mean and
/// std of all 1,797 images.
/// </remarks>
public sealed class SklearnDigitsDataset : IDataset
{
    /// <summary>Where Debian's python3-sklearn installs the table.</summary>
    public const string DefaultPath = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz";

    /// <summary>Mean of the digits' values scaled to [0, 1].</summary>
    public const double Mean = 0.3053;

    /// <summary>Standard deviation of the digits' values scaled to [0, 1].</summary>
    public const double Std = 0.3760;

    public string Name => "sklearn-digits";

    public string Version => "1.0.0";

    public TaskKind Task => TaskKind.ImageClassification;

    public string Description => "scikit-learn's 1,797 handwritten digits (1x8x8, values 0-16), with a seeded stratified test split.";

    public IDataSource Open(IReadOnlyDictionary<string, string> options)
    {
        var o = new DatasetOptions(Name, options, "path", "test_fraction", "seed");
        string path = o.Path("path", DefaultPath);
        double testFraction = o.Double("test_fraction", 0.2, 0, 1);
        int seed = o.Int("seed", int.MinValue, int.MaxValue) ?? 0;

        DigitsCsv digits = DigitsCsvReader.Read(path);
        var images = new ImageArray(digits.Pixels, 1, 8, 8, 1.0 / DigitsCsv.MaxPixel);
        var normalization = Normalization.Fixed(Mean, Std, 1);
        var classes = ClassNames.Numbered(10);
        if (testFraction == 0)
        {
            var all = new ImageExampleSet(images, digits.Labels, Enumerable.Range(0, digits.Count).ToArray(), normalization);
            return new ImageDataSource(images, classes, all, null, normalization);
        }
        var (train, test) = StratifiedSplit.Split(digits.Labels, testFraction, seed);
        if (train.Length == 0)
            throw new ArgumentException($"{Name}: option test_fraction={testFraction.ToString(CultureInfo.InvariantCulture)} leaves no training examples");
        return new ImageDataSource(images, classes,
            new ImageExampleSet(images, digits.Labels, train, normalization),
            new ImageExampleSet(images, digits.Labels, test, normalization), normalization);
    }
}
