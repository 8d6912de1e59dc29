using System.Text.Json;
using AutoDnn.Torch.Optim;
using AutoDnn.Torch.Tests.Support;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Torch.Tests.Optim;

/// <summary>20-step parameter trajectories of every optimizer (and gradient clipping) against python3-torch.</summary>
public class OptimizerTrajectoryTests
{
    public static IEnumerable<object[]> Cases =>
        NnFixtures.Root("optim.json").GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    private static Optimizer Build(string name, Tensor[] p) => name switch
    {
        "sgd" or "sgd_clip_norm" or "sgd_clip_inf" => new Sgd(p, lr: 0.1),
        "sgd_momentum_dampening" => new Sgd(p, lr: 0.05, momentum: 0.9, dampening: 0.1),
        "sgd_nesterov_wd" => new Sgd(p, lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01),
        "adam" => new Adam(p, lr: 0.01),
        "adam_amsgrad_wd" => new Adam(p, lr: 0.02, betas: (0.8, 0.99), weightDecay: 0.1, amsgrad: true),
        "adamw" => new AdamW(p, lr: 0.01, weightDecay: 0.05),
        "rmsprop" => new RmsProp(p, lr: 0.01),
        "rmsprop_centered_momentum" => new RmsProp(p, lr: 0.01, momentum: 0.5, centered: true, weightDecay: 0.01),
        _ => throw new ArgumentException($"no C# twin for fixture optimizer '{name}'"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrajectoryMatchesPyTorch(string name)
    {
        JsonElement root = NnFixtures.Root("optim.json");
        JsonElement c = root.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        using var outer = LibTorch.NewScope();
        Tensor x = TensorFixtures.Decode(root.GetProperty("x")), y = TensorFixtures.Decode(root.GetProperty("y"));
        Tensor w = TensorFixtures.Decode(root.GetProperty("w0")).WithRequiresGrad();
        Tensor b = TensorFixtures.Decode(root.GetProperty("b0")).WithRequiresGrad();
        using Optimizer opt = Build(name, [w, b]);
        double maxDiff = 0;
        int step = 0;
        foreach (JsonElement expected in c.GetProperty("trajectory").EnumerateArray())
        {
            using var scope = LibTorch.NewScope();
            opt.ZeroGrad();
            F.MseLoss(F.Linear(x, w, b), y).Backward();
            if (name.StartsWith("sgd_clip", StringComparison.Ordinal))
            {
                double norm = GradientClipping.ClipGradNorm([w, b], name == "sgd_clip_norm" ? 0.5 : 0.3, name == "sgd_clip_norm" ? 2 : double.PositiveInfinity);
                double want = c.GetProperty("norms")[step].GetDouble();
                Assert.True(Math.Abs(norm - want) <= 1e-6 * (1 + Math.Abs(want)), $"{name} step {step}: norm {norm}, PyTorch {want}");
            }
            opt.Step();
            float[] actual = Tensor.Cat([w.Detach().Flatten(), b.Detach()]).ToArray<float>();
            float[] wanted = expected.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
            for (int i = 0; i < wanted.Length; i++)
            {
                double d = Math.Abs(actual[i] - wanted[i]);
                maxDiff = Math.Max(maxDiff, d);
                Assert.True(d <= 1e-6 * (1 + Math.Abs(wanted[i])), $"{name} step {step + 1} element {i}: {actual[i]:R}, PyTorch {wanted[i]:R}");
            }
            step++;
        }
        Assert.Equal(20, step);
    }

    [Fact]
    public void NesterovWithoutMomentumIsRejectedWithTheReason()
    {
        using var scope = LibTorch.NewScope();
        Tensor p = Tensor.Zeros(2).WithRequiresGrad();
        var e = Assert.Throws<ArgumentException>(() => new Sgd([p], 0.1, nesterov: true));
        Assert.Contains("Nesterov", e.Message);
    }

    [Fact]
    public void ParametersWithoutGradientsAreLeftAlone()
    {
        using var scope = LibTorch.NewScope();
        Tensor p = Tensor.Ones(3).WithRequiresGrad(), q = Tensor.Ones(3).WithRequiresGrad();
        using var opt = new Adam([p, q], lr: 0.1);
        (p * 2.0).Sum().Backward();
        opt.Step();
        Assert.All(q.ToArray<float>(), v => Assert.Equal(1f, v));
        Assert.All(p.ToArray<float>(), v => Assert.True(v < 1f));
    }
}
