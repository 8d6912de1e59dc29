using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Architectures;
using AutoDnn.Search.Trials;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;
using AutoDnn.Torch.Optim;

namespace AutoDnn.Plugins.Vision.Tests.Architectures;

public class ArchitectureTests
{
    // The largest configuration of each family (every branch taken) and a small one.
    public static TheoryData<string, string> Configurations => new()
    {
        { "simple-cnn", "large" }, { "simple-cnn", "small" },
        { "resnet", "large" }, { "resnet", "small" },
        { "mlp", "large" }, { "mlp", "small" },
    };

    internal static IArchitecture Create(string name) => name switch
    {
        "simple-cnn" => new SimpleCnnArchitecture(),
        "resnet" => new ResNetArchitecture(),
        "mlp" => new MlpArchitecture(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    internal static Dictionary<string, object?> Parameters(string name, string size) => (name, size) switch
    {
        ("simple-cnn", "large") => new()
        {
            ["simple-cnn.blocks"] = 3, ["simple-cnn.width"] = 16, ["simple-cnn.growth"] = 2.0, ["simple-cnn.kernel"] = 5,
            ["simple-cnn.batch_norm"] = true, ["simple-cnn.dropout"] = 0.25, ["simple-cnn.pooling"] = "avg", ["simple-cnn.hidden"] = 64,
        },
        ("simple-cnn", _) => new()
        {
            ["simple-cnn.blocks"] = 1, ["simple-cnn.width"] = 16, ["simple-cnn.growth"] = 1.0, ["simple-cnn.kernel"] = 3,
            ["simple-cnn.batch_norm"] = false, ["simple-cnn.dropout"] = 0.0, ["simple-cnn.pooling"] = "max", ["simple-cnn.hidden"] = 32,
        },
        ("resnet", "large") => new() { ["resnet.depth"] = 3, ["resnet.width"] = 16, ["resnet.blocks"] = 2 },
        ("resnet", _) => new() { ["resnet.depth"] = 1, ["resnet.width"] = 16, ["resnet.blocks"] = 1 },
        ("mlp", "large") => new() { ["mlp.layers"] = 3, ["mlp.width"] = 64, ["mlp.activation"] = "gelu", ["mlp.dropout"] = 0.3 },
        _ => new() { ["mlp.layers"] = 1, ["mlp.width"] = 32, ["mlp.activation"] = "tanh", ["mlp.dropout"] = 0.0 },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void BuildsTheRightOutputShapeForSeveralImageSizes(string name, string size)
    {
        LibTorch.ManualSeed(1);
        foreach (var (shape, classes) in new (long[], int)[] { ([1, 28, 28], 10), ([3, 32, 32], 5), ([1, 8, 8], 10) })
        {
            var trial = new FixedTrial(Parameters(name, size));
            using Module<Tensor, Tensor> model = Create(name).Build(trial, new TaskSpec(TaskKind.ImageClassification, shape, classes));
            using var scope = LibTorch.NewScope();
            Tensor output = model.Forward(Tensor.Randn([3, .. shape]));
            Assert.Equal(new long[] { 3, classes }, output.Shape);
            Assert.True(output.IsFinite().All().ToBoolean());
            model.Eval();
            Assert.Equal(new long[] { 1, classes }, model.Forward(Tensor.Randn([1, .. shape])).Shape);
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void SuggestsOnlyItsOwnPrefixedParametersWithinTheirRanges(string name, string size)
    {
        var trial = new FixedTrial(Parameters(name, size));
        using Module<Tensor, Tensor> model = Create(name).Build(trial, new TaskSpec(TaskKind.ImageClassification, [1, 28, 28], 10));
        // FixedTrial checks every value against the distribution asked for, so reaching here means all were in range.
        Assert.Equal(Parameters(name, size).Keys.Order(), trial.Params.Keys.Order());
        Assert.All(trial.Distributions.Keys, k => Assert.StartsWith(name + ".", k));
        Assert.True(model.ParameterCount() > 0);
    }

    [Fact]
    public void SimpleCnnFollowsItsHyperparameters()
    {
        var large = new FixedTrial(Parameters("simple-cnn", "large"));
        using Module<Tensor, Tensor> model = Create("simple-cnn").Build(large, new TaskSpec(TaskKind.ImageClassification, [1, 28, 28], 10));
        var names = model.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Shape);
        // Widths 16, 32, 64 (growth 2), 5×5 kernels, no conv bias under batch norm; 28→14→7→3 then a 64-unit hidden layer.
        var convs = names.Where(p => p.Value.Length == 4).Select(p => p.Value).ToList();
        Assert.Equal(new[] { new long[] { 16, 1, 5, 5 }, [32, 16, 5, 5], [64, 32, 5, 5] }, convs);
        Assert.DoesNotContain(names, p => p.Value.Length == 1 && p.Key.StartsWith("0.", StringComparison.Ordinal));
        Assert.Contains(names.Values, s => s.SequenceEqual(new long[] { 64, 64 * 3 * 3 }));
        Assert.Contains(model.NamedModules(), m => m.Module is AvgPool2d);
        Assert.Contains(model.NamedModules(), m => m.Module is BatchNorm2d);
        Assert.Contains(model.NamedModules(), m => m.Module is Dropout);

        var small = new FixedTrial(Parameters("simple-cnn", "small"));
        using Module<Tensor, Tensor> smallModel = Create("simple-cnn").Build(small, new TaskSpec(TaskKind.ImageClassification, [3, 64, 64], 5));
        // One block pools 64→32; the head sees it average-pooled to 7×7.
        Assert.Contains(smallModel.NamedModules(), m => m.Module is AdaptiveAvgPool2d);
        Assert.Contains(smallModel.NamedParameters(), p => p.Parameter.Shape.SequenceEqual(new long[] { 32, 16 * 7 * 7 }));
        Assert.DoesNotContain(smallModel.NamedModules(), m => m.Module is BatchNorm2d or Dropout);
    }

    [Fact]
    public void ResNetHasSkipConnectionsAndDownsamplesBetweenStages()
    {
        var trial = new FixedTrial(Parameters("resnet", "large"));
        using Module<Tensor, Tensor> model = Create("resnet").Build(trial, new TaskSpec(TaskKind.ImageClassification, [3, 32, 32], 5));
        var blocks = model.NamedModules().Where(m => m.Module is BasicBlock).ToList();
        Assert.Equal(6, blocks.Count);
        // Stages of 16, 32, 64 channels; the first block of stages 2 and 3 projects the shortcut with a strided 1×1 conv.
        var downsamples = model.NamedParameters().Where(p => p.Name.Contains(".downsample.0.weight", StringComparison.Ordinal)).Select(p => p.Parameter.Shape).ToList();
        Assert.Equal(new[] { new long[] { 32, 16, 1, 1 }, [64, 32, 1, 1] }, downsamples);
        Assert.Contains(model.NamedParameters(), p => p.Parameter.Shape.SequenceEqual(new long[] { 5, 64 }));

        // The identity shortcut: a block whose convolutions output zero passes ReLU(input) through.
        using var block = new BasicBlock(4, 4, 1);
        using (LibTorch.NoGrad())
            foreach (var (n, p) in block.NamedParameters().Where(p => p.Name.StartsWith("bn2.weight", StringComparison.Ordinal)))
                p.FillInPlace(0);
        using var scope = LibTorch.NewScope();
        block.Eval();
        Tensor x = Tensor.Randn(2, 4, 8, 8);
        Assert.True((block.Forward(x) - x.Relu()).Abs().Max().Item() < 1e-6);
    }

    [Fact]
    public void RejectsNonImageTasksAndTooSmallImages()
    {
        var trial = new FixedTrial(Parameters("mlp", "small"));
        var tooSmall = Assert.Throws<ArgumentException>(() => new MlpArchitecture().Build(trial, new TaskSpec(TaskKind.ImageClassification, [1, 4, 28], 10)));
        Assert.Contains("at least 8×8", tooSmall.Message);
        var flat = Assert.Throws<ArgumentException>(() => new ResNetArchitecture().Build(
            new FixedTrial(Parameters("resnet", "small")), new TaskSpec(TaskKind.ImageClassification, [784], 10)));
        Assert.Contains("[channels, height, width]", flat.Message);
    }

    [Theory]
    [InlineData("simple-cnn")]
    [InlineData("resnet")]
    [InlineData("mlp")]
    public void ATinyTrainingRunLowersTheLoss(string name)
    {
        LibTorch.ManualSeed(7);
        using var generator = new Generator(7);
        // Which half (top or bottom) of a noisy 12×12 image holds a bright bar.
        using var outer = LibTorch.NewScope();
        Tensor labels = Tensor.RandInt(0, 2, [32], generator);
        Tensor images = Tensor.Randn([32, 1, 12, 12], generator) * 0.5;
        long[] y = labels.ToArray<long>();
        for (int i = 0; i < y.Length; i++)
            images.Assign([i, 0, TensorIndex.Slice(y[i] * 6 + 2, y[i] * 6 + 4), TensorIndex.Slice(2, 10)], 2.0);

        using Module<Tensor, Tensor> model = Create(name).Build(new FixedTrial(Parameters(name, "small")), new TaskSpec(TaskKind.ImageClassification, [1, 12, 12], 2));
        using var optimizer = new Adam(model.Parameters(), lr: 0.01);
        double first = double.NaN, last = double.NaN;
        for (int step = 0; step < 15; step++)
        {
            using var scope = LibTorch.NewScope();
            optimizer.ZeroGrad();
            Tensor loss = Functional.CrossEntropy(model.Forward(images), labels);
            loss.Backward();
            optimizer.Step();
            last = loss.Item();
            if (step == 0) first = last;
        }
        Assert.True(last < first * 0.5, $"{name}: loss {first:F4} -> {last:F4}");
    }
}
