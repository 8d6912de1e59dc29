using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Torch.Tests;

[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryCollection;

/// <summary>Resident memory stays flat over a long training loop when each step runs in a scope.</summary>
[Collection(nameof(MemoryTests))]
public class MemoryTests
{
    [Fact]
    public void TenThousandTrainingSteps_UnderAScope_KeepRssWithin50MB()
    {
        using var gen = new Generator(3);
        using var outer = LibTorch.NewScope();
        Tensor x = Tensor.Randn([64, 32], gen), target = Tensor.Randn([64, 1], gen);
        Tensor w1 = (Tensor.Randn([64, 32], gen) * 0.1).WithRequiresGrad(), b1 = Tensor.Zeros(64).WithRequiresGrad();
        Tensor w2 = (Tensor.Randn([1, 64], gen) * 0.1).WithRequiresGrad(), b2 = Tensor.Zeros(1).WithRequiresGrad();
        Tensor[] parameters = [w1, b1, w2, b2];
        double firstLoss = 0, lastLoss = 0;
        long rssAfterWarmUp = 0;
        for (int step = 0; step < 10_000; step++)
        {
            using var scope = LibTorch.NewScope();
            Tensor loss = (F.Linear(F.Linear(x, w1, b1).Relu(), w2, b2) - target).Square().Mean();
            foreach (Tensor p in parameters) p.ClearGrad();
            loss.Backward();
            using (LibTorch.NoGrad())
                foreach (Tensor p in parameters) p.SubInPlace(p.Grad! * 0.01);
            if (step == 0) firstLoss = loss.Item();
            if (step == 999) rssAfterWarmUp = RssBytes();
            lastLoss = loss.Item();
        }
        long grown = RssBytes() - rssAfterWarmUp;
        Assert.True(lastLoss < firstLoss / 2, $"the loop should learn: loss {firstLoss} -> {lastLoss}");
        Assert.True(grown < 50L << 20, $"RSS grew by {grown >> 20} MB over 9,000 steps");
    }

    private static long RssBytes()
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
