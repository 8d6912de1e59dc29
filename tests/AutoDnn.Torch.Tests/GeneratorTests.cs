namespace AutoDnn.Torch.Tests;

/// <summary>Seeding: same seed, same draws; generators independent of the global stream.</summary>
public class GeneratorTests
{
    [Fact]
    public void SameSeed_SameDraws_DifferentSeed_DifferentDraws()
    {
        using var scope = LibTorch.NewScope();
        using var a = new Generator(5);
        using var b = new Generator(5);
        using var c = new Generator(6);
        float[] fromA = Tensor.Randn([10], a).ToArray<float>();
        Assert.Equal(fromA, Tensor.Randn([10], b).ToArray<float>());
        Assert.NotEqual(fromA, Tensor.Randn([10], c).ToArray<float>());
    }

    [Fact]
    public void ResettingTheSeed_RestartsTheSequence()
    {
        using var scope = LibTorch.NewScope();
        using var g = new Generator(11);
        long[] first = Tensor.RandPerm(20, g).ToArray<long>();
        g.Seed = 11;
        Assert.Equal(11UL, g.Seed);
        Assert.Equal(first, Tensor.RandPerm(20, g).ToArray<long>());
        long[] sorted = first.Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), sorted);
    }

    [Fact]
    public void RandInt_StaysInRange()
    {
        using var scope = LibTorch.NewScope();
        using var g = new Generator(1);
        long[] draws = Tensor.RandInt(-3, 4, [1000], g).ToArray<long>();
        Assert.All(draws, d => Assert.InRange(d, -3, 3));
        Assert.Equal(7, draws.Distinct().Count());
    }
}
