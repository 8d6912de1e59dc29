using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;

namespace AutoDnn.Search.Tests.Samplers;

public sealed class RandomSamplerTests : SamplerConformanceTests
{
    [Fact]
    public void Log_floats_are_log_uniform()
    {
        var random = new Random(1);
        var distribution = new FloatDistribution(1e-4, 1.0, log: true);
        var draws = Enumerable.Range(0, 2000).Select(_ => RandomSampler.Sample(distribution, random)).Order().ToList();

        // Log-uniform on [1e-4, 1] has median 1e-2; a uniform draw would put it near 0.5.
        Assert.InRange(draws[1000], 5e-3, 2e-2);
    }

    [Fact]
    public void Every_int_and_choice_is_reached()
    {
        var random = new Random(2);
        var ints = new IntDistribution(1, 8, log: true);
        var choices = new CategoricalDistribution(["a", "b", "c"]);

        Assert.Equal(8, Enumerable.Range(0, 2000).Select(_ => RandomSampler.Sample(ints, random)).Distinct().Count());
        Assert.Equal(3, Enumerable.Range(0, 200).Select(_ => RandomSampler.Sample(choices, random)).Distinct().Count());
    }

    [Fact]
    public void Different_seeds_give_different_suggestions()
    {
        Study first = NewStudy(new RandomSampler(1));
        Study second = NewStudy(new RandomSampler(2));
        first.Optimize(MixedObjective, 5);
        second.Optimize(MixedObjective, 5);

        Assert.NotEqual(first.Trials.Select(t => t.Params["lr"]), second.Trials.Select(t => t.Params["lr"]));
    }

    protected override ISampler CreateSampler(int seed, IReadOnlyDictionary<string, Distribution> space) => new RandomSampler(seed);
}
