using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Augmenters;
using AutoDnn.Search.Trials;
using AutoDnn.Torch;

namespace AutoDnn.Plugins.Vision.Tests.Augmenters;

public class AugmenterPluginTests
{
    public static TheoryData<string> Names => new() { "random-horizontal-flip", "random-crop", "random-rotation", "random-erasing", "gaussian-noise" };

    private static IAugmenter Create(string name) => name switch
    {
        "random-horizontal-flip" => new RandomHorizontalFlipAugmenter(),
        "random-crop" => new RandomCropAugmenter(),
        "random-rotation" => new RandomRotationAugmenter(),
        "random-erasing" => new RandomErasingAugmenter(),
        "gaussian-noise" => new GaussianNoiseAugmenter(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static Dictionary<string, object?> Parameters(string name) => name switch
    {
        "random-horizontal-flip" => new() { ["random-horizontal-flip.p"] = 0.5 },
        "random-crop" => new() { ["random-crop.padding"] = 2 },
        "random-rotation" => new() { ["random-rotation.degrees"] = 10.0, ["random-rotation.interpolation"] = "bilinear" },
        "random-erasing" => new() { ["random-erasing.p"] = 0.5, ["random-erasing.max_area"] = 0.2 },
        _ => new() { ["gaussian-noise.std"] = 0.1 },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void ConfiguresFromPrefixedParametersAndKeepsShapesDeterministically(string name)
    {
        IAugmenter augmenter = Create(name);
        Assert.Equal(name, augmenter.Name);
        Assert.Equal(TaskKind.ImageClassification, augmenter.Task);
        var trial = new FixedTrial(Parameters(name));
        IBatchTransform transform = augmenter.Configure(trial);
        Assert.All(trial.Distributions.Keys, k => Assert.StartsWith(name + ".", k));
        Assert.Equal(Parameters(name).Count, trial.Params.Count);

        using var scope = LibTorch.NewScope();
        using var data = new Generator(3);
        Tensor batch = Tensor.Randn([6, 3, 10, 12], data);
        using var g1 = new Generator(11);
        using var g2 = new Generator(11);
        Tensor a = transform.Apply(batch, g1), b = transform.Apply(batch, g2);
        Assert.Equal(batch.Shape, a.Shape);
        Assert.Equal(DType.Float32, a.DType);
        Assert.Equal(a.ToArray<float>(), b.ToArray<float>());
        // A second draw from the same generator differs: the randomness really comes from it.
        Assert.NotEqual(a.ToArray<float>(), transform.Apply(batch, g1).ToArray<float>());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void RejectsABatchThatIsNotFourDimensional(string name)
    {
        IBatchTransform transform = Create(name).Configure(new FixedTrial(Parameters(name)));
        using var scope = LibTorch.NewScope();
        using var g = new Generator(1);
        var e = Assert.Throws<ArgumentException>(() => transform.Apply(Tensor.Zeros(3, 8, 8), g));
        Assert.Contains(name, e.Message);
        Assert.Contains("[B, C, H, W]", e.Message);
    }
}
