using AutoDnn.Training.Data;

namespace AutoDnn.Training.Tests.Data;

public sealed class StratifiedSubsampleTests
{
    [Fact]
    public void A_subsample_keeps_class_proportions_and_depends_only_on_the_seed()
    {
        int[] labels = [.. Enumerable.Repeat(0, 600), .. Enumerable.Repeat(1, 300), .. Enumerable.Repeat(2, 100)];

        int[] picked = StratifiedSubsample.Select(labels, 100, seed: 4);

        Assert.Equal(100, picked.Length);
        Assert.Equal(picked.Order(), picked);
        Assert.Equal(100, picked.Distinct().Count());
        Assert.InRange(picked.Count(i => labels[i] == 0), 59, 61);
        Assert.InRange(picked.Count(i => labels[i] == 1), 29, 31);
        Assert.InRange(picked.Count(i => labels[i] == 2), 9, 11);
        Assert.Equal(picked, StratifiedSubsample.Select(labels, 100, seed: 4));
        Assert.NotEqual(picked, StratifiedSubsample.Select(labels, 100, seed: 5));
        Assert.Equal(1000, StratifiedSubsample.Select(labels, 5000, seed: 4).Length);
    }
}
