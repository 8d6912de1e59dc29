using System.Text.Json;
using AutoDnn.Torch.Optim;
using AutoDnn.Torch.Tests.Support;

namespace AutoDnn.Torch.Tests.Optim;

/// <summary>Learning-rate (and momentum) sequences of every schedule against python3-torch.</summary>
public class ScheduleTests
{
    public static IEnumerable<object[]> Cases => NnFixtures.Names("schedules.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void SequenceMatchesPyTorch(string name)
    {
        JsonElement c = NnFixtures.Case("schedules.json", name);
        using var scope = LibTorch.NewScope();
        Tensor p = Tensor.Zeros(1).WithRequiresGrad();
        using Optimizer opt = name == "onecycle_adam" ? new Adam([p], lr: 0.1) : new Sgd([p], lr: 0.1, momentum: 0.9);
        double[] metrics = c.GetProperty("metrics").EnumerateArray().Select(m => m.GetDouble()).ToArray();
        LRScheduler? schedule = name switch
        {
            "step" => new StepLR(opt, 3, 0.5),
            "exponential" => new ExponentialLR(opt, 0.9),
            "cosine_warmup" => new CosineWarmupLR(opt, 5, 20),
            "cosine_nowarmup" => new CosineWarmupLR(opt, 0, 20),
            "onecycle_sgd" => new OneCycleLR(opt, maxLR: 0.5, totalSteps: 20),
            "onecycle_adam" => new OneCycleLR(opt, maxLR: 0.01, totalSteps: 25, pctStart: 0.4),
            _ => null,
        };
        ReduceLROnPlateau? plateau = name switch
        {
            "plateau" => new ReduceLROnPlateau(opt, factor: 0.5, patience: 2, cooldown: 1),
            "plateau_max_abs" => new ReduceLROnPlateau(opt, mode: "max", factor: 0.3, patience: 1, threshold: 0.05, thresholdMode: "abs", minLR: 0.005),
            _ => null,
        };
        Assert.True(schedule is not null || plateau is not null, $"no C# twin for fixture schedule '{name}'");
        var lrs = new List<double> { opt.LR };
        var momenta = new List<double> { opt.Momentum!.Value };
        for (int i = 0; i < 20; i++)
        {
            if (plateau is not null) plateau.Step(metrics[i]);
            else schedule!.Step();
            lrs.Add(opt.LR);
            momenta.Add(opt.Momentum!.Value);
        }
        double[] wantLr = c.GetProperty("lrs").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        double[] wantM = c.GetProperty("momenta").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (int i = 0; i < wantLr.Length; i++)
        {
            Assert.True(Math.Abs(lrs[i] - wantLr[i]) <= 1e-12 * (1 + wantLr[i]), $"{name} step {i}: lr {lrs[i]:R}, PyTorch {wantLr[i]:R}");
            Assert.True(Math.Abs(momenta[i] - wantM[i]) <= 1e-12, $"{name} step {i}: momentum {momenta[i]:R}, PyTorch {wantM[i]:R}");
        }
    }

    [Fact]
    public void OneCycleStartsAtMaxOverDivFactorAndStopsAfterTotalSteps()
    {
        using var scope = LibTorch.NewScope();
        Tensor p = Tensor.Zeros(1).WithRequiresGrad();
        using var opt = new Sgd([p], 0.1);
        var s = new OneCycleLR(opt, 1.0, 10);
        Assert.Equal(0.04, opt.LR, 12);
        for (int i = 0; i < 10; i++) s.Step();
        Assert.Throws<InvalidOperationException>(() => s.Step());
    }
}
