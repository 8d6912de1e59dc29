using System.Text.Json;
using AutoDnn.Torch.Tests.Support;
using F = AutoDnn.Torch.Nn.Functional;
using R = AutoDnn.Torch.Nn.Reduction;

namespace AutoDnn.Torch.Tests.Nn;

/// <summary>Every loss's value and input gradient against python3-torch.</summary>
public class LossFixtureTests
{
    public static IEnumerable<object[]> Cases => NnFixtures.Names("losses.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValueAndGradientMatchPyTorch(string name)
    {
        JsonElement c = NnFixtures.Case("losses.json", name);
        using var scope = LibTorch.NewScope();
        Tensor x = TensorFixtures.Decode(c.GetProperty("input")).WithRequiresGrad();
        Tensor y = TensorFixtures.Decode(c.GetProperty("target"));
        Tensor? w = c.TryGetProperty("weight", out JsonElement we) ? TensorFixtures.Decode(we) : null;
        Tensor? pw = c.TryGetProperty("pos_weight", out JsonElement pe) ? TensorFixtures.Decode(pe) : null;
        Tensor output = name switch
        {
            "cross_entropy" => F.CrossEntropy(x, y),
            "cross_entropy_weight_smooth_ignore" => F.CrossEntropy(x, y, w, labelSmoothing: 0.1, ignoreIndex: -100),
            "cross_entropy_sum" => F.CrossEntropy(x, y, reduction: R.Sum, ignoreIndex: 3),
            "nll" => F.NllLoss(x.LogSoftmax(1), y, w),
            "nll_none" => F.NllLoss(x, y, reduction: R.None),
            "mse" => F.MseLoss(x, y),
            "mse_none" => F.MseLoss(x, y, R.None),
            "smooth_l1" => F.SmoothL1Loss(x, y, beta: 0.5),
            "huber" => F.HuberLoss(x, y, R.Sum, delta: 0.7),
            "bce_with_logits" => F.BinaryCrossEntropyWithLogits(x, y),
            "bce_with_logits_pos_weight" => F.BinaryCrossEntropyWithLogits(x, y, posWeight: pw),
            _ => throw new ArgumentException($"no C# twin for fixture loss '{name}'"),
        };
        TensorFixtures.AssertMatches(c.GetProperty("output"), output, $"{name} value");
        (output * TensorFixtures.Decode(c.GetProperty("grad_output"))).Sum().Backward();
        TensorFixtures.AssertMatches(c.GetProperty("input_grad"), x.Grad!, $"{name} input gradient");
    }

    [Fact]
    public void BadHyperparametersNameTheArgument()
    {
        using var scope = LibTorch.NewScope();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => F.HuberLoss(Tensor.Zeros(2), Tensor.Zeros(2), delta: 0));
        Assert.Contains("delta", e.Message);
    }
}
