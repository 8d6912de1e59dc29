using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Samplers;

public sealed class NsgaIISamplerTests : SamplerConformanceTests
{
    private static readonly StudyDirection[] TwoMinimized = [StudyDirection.Minimize, StudyDirection.Minimize];

    [Theory]
    [InlineData(NsgaIICrossover.Uniform)]
    [InlineData(NsgaIICrossover.Sbx)]
    public void Pareto_front_of_zdt1_beats_random_search(NsgaIICrossover crossover)
    {
        for (int seed = 0; seed < 3; seed++)
        {
            double nsga = Hypervolume(Run(new NsgaIISampler(seed, populationSize: 20, crossover: crossover), Zdt1, 300));
            double random = Hypervolume(Run(new RandomSampler(seed), Zdt1, 300));
            Assert.True(nsga > random + 0.3, $"seed {seed}: hypervolume NSGA-II {nsga} vs random {random}");
        }
    }

    [Fact]
    public void Constraints_keep_later_generations_feasible()
    {
        // Feasible iff f1 >= 0.4 (x0 >= 0.4); random search satisfies it 60% of the time.
        static IReadOnlyList<double> Constraint(FrozenTrial t) => [0.4 - t.GetParam<double>("x0")];
        Study nsga = Run(new NsgaIISampler(4, populationSize: 20), Zdt1, 200, Constraint);
        Study random = Run(new RandomSampler(4), Zdt1, 200, Constraint);

        int LateFeasible(Study s) => s.Trials.Skip(100).Count(t => t.IsFeasible);
        Assert.True(LateFeasible(nsga) >= 90, $"NSGA-II: {LateFeasible(nsga)} of the last 100 trials feasible");
        Assert.True(LateFeasible(nsga) > LateFeasible(random) + 15, $"NSGA-II {LateFeasible(nsga)} vs random {LateFeasible(random)}");
        Assert.All(nsga.BestTrials, t => Assert.True(t.GetParam<double>("x0") >= 0.4));
    }

    [Fact]
    public void First_generation_is_random_and_parents_come_from_earlier_generations_only()
    {
        var sampler = new NsgaIISampler(9, populationSize: 10);
        Study study = Run(sampler, Zdt1, 10);
        Trial next = study.Ask();

        Assert.Empty(sampler.InferRelativeSearchSpace(study.Snapshot(), study.Trials[0]));
        Assert.Equal(["x0", "x1", "x2", "x3", "x4"], sampler.InferRelativeSearchSpace(study.Snapshot(), next.Snapshot).Keys.Order());
    }

    [Fact]
    public void Rejects_invalid_settings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NsgaIISampler(populationSize: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NsgaIISampler(mutationProbability: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NsgaIISampler(crossoverProbability: -0.1));
    }

    protected override ISampler CreateSampler(int seed, IReadOnlyDictionary<string, Distribution> space) =>
        new NsgaIISampler(seed, populationSize: 8);

    // ZDT1 with 5 variables: the Pareto front is f2 = 1 - sqrt(f1) where x1..x4 = 0.
    private static IReadOnlyList<double> Zdt1(ITrial trial)
    {
        double[] x = Enumerable.Range(0, 5).Select(i => trial.SuggestFloat($"x{i}", 0, 1)).ToArray();
        double g = 1 + (9 * x.Skip(1).Sum() / 4);
        return [x[0], g * (1 - Math.Sqrt(x[0] / g))];
    }

    private static Study Run(
        ISampler sampler, Func<ITrial, IReadOnlyList<double>> objective, int trials, Func<FrozenTrial, IReadOnlyList<double>>? constraints = null)
    {
        Study study = Study.Create(new StudyOptions { Sampler = sampler, Directions = TwoMinimized, Constraints = constraints });
        study.Optimize(objective, trials);
        return study;
    }

    // Area dominated by the feasible Pareto front inside the box [0, 1] × [0, 4]: the true front covers about 3.67.
    private static double Hypervolume(Study study)
    {
        var front = study.BestTrials.Select(t => (F1: t.Values![0], F2: Math.Min(t.Values[1], 4.0))).OrderBy(p => p.F1).ToList();
        double area = 0;
        for (int i = 0; i < front.Count; i++)
        {
            double right = i + 1 < front.Count ? front[i + 1].F1 : 1.0;
            area += Math.Max(right - front[i].F1, 0) * (4.0 - front[i].F2);
        }

        return area;
    }
}
