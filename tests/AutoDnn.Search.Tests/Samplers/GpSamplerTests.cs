using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Samplers;

public sealed class GpSamplerTests : SamplerConformanceTests
{
    [Fact]
    public void Finds_the_minimum_of_a_quadratic_far_better_than_random()
    {
        var gp = new List<double>();
        var random = new List<double>();
        for (int seed = 0; seed < 4; seed++)
        {
            gp.Add(BestOf(new GpSampler(seed), Quadratic, 30));
            random.Add(BestOf(new RandomSampler(seed), Quadratic, 30));
        }

        // Regret of the best of 30 trials; random search typically ends near 0.1, the GP several orders lower.
        Assert.True(Median(gp) < Median(random) / 100, $"GP median {Median(gp)}, random median {Median(random)}");
        Assert.All(gp, regret => Assert.True(regret < 1e-2, $"GP regret {regret}"));
    }

    [Fact]
    public void Maximizes_with_ints_and_categoricals_in_the_model()
    {
        Study study = Study.Create(new StudyOptions { Sampler = new GpSampler(3), Directions = [StudyDirection.Maximize] });
        study.Optimize(trial => -Mixed(trial), 40);

        Assert.True(study.BestValue > -0.05, $"best {study.BestValue}");
        Assert.Equal(7, study.BestTrial.GetParam<int>("n"));
        Assert.Equal("green", study.BestTrial.GetParam<string>("c"));
    }

    [Fact]
    public void Startup_points_fill_the_space()
    {
        Study study = NewStudy(new GpSampler(7, startupTrials: 8));
        study.Optimize(trial => trial.SuggestFloat("x", 0, 1), 8);

        // Halton in base 2 puts the first 8 points in 8 distinct eighths of the interval, scrambled or not.
        Assert.Equal(8, study.Trials.Select(t => (int)(t.GetParam<double>("x") * 8)).Distinct().Count());
    }

    [Fact]
    public void Constraints_lead_to_the_constrained_optimum()
    {
        // Feasible iff x + y >= 1; the unconstrained minimum (0, 0) is infeasible, the constrained one is (0.5, 0.5) with value 0.5.
        static IReadOnlyList<double> Constraint(FrozenTrial t) => [1 - t.GetParam<double>("x") - t.GetParam<double>("y")];
        static double Objective(ITrial t) => Math.Pow(t.SuggestFloat("x", 0, 1), 2) + Math.Pow(t.SuggestFloat("y", 0, 1), 2);
        for (int seed = 0; seed < 3; seed++)
        {
            Study gp = Study.Create(new StudyOptions { Sampler = new GpSampler(seed), Constraints = Constraint });
            Study random = Study.Create(new StudyOptions { Sampler = new RandomSampler(seed), Constraints = Constraint });
            gp.Optimize(Objective, 30);
            random.Optimize(Objective, 30);

            Assert.True(gp.BestTrial.IsFeasible);
            Assert.True(gp.BestValue - 0.5 < (random.BestValue - 0.5) / 5, $"seed {seed}: GP best {gp.BestValue}, random best {random.BestValue}");
        }
    }

    [Fact]
    public void Different_seeds_give_different_suggestions()
    {
        Study first = NewStudy(new GpSampler(1));
        Study second = NewStudy(new GpSampler(2));
        first.Optimize(Quadratic, 12);
        second.Optimize(Quadratic, 12);

        Assert.NotEqual(first.Trials.Select(t => t.Params["x"]), second.Trials.Select(t => t.Params["x"]));
    }

    [Fact]
    public void Rejects_invalid_settings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GpSampler(startupTrials: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GpSampler(candidates: 0));
    }

    protected override ISampler CreateSampler(int seed, IReadOnlyDictionary<string, Distribution> space) => new GpSampler(seed);

    private static double Quadratic(ITrial trial)
    {
        double x = trial.SuggestFloat("x", -5, 5);
        double y = trial.SuggestFloat("y", -5, 5);
        return Math.Pow(x - 1.3, 2) + (2 * Math.Pow(y + 0.7, 2));
    }

    private static double Mixed(ITrial trial)
    {
        double x = trial.SuggestFloat("x", -5, 5);
        int n = trial.SuggestInt("n", 0, 10);
        string c = trial.SuggestCategorical("c", ["red", "green", "blue"]);
        return Math.Pow(x - 1.5, 2) + (0.25 * Math.Pow(n - 7, 2)) + (c == "green" ? 0 : 1);
    }

    private static double BestOf(ISampler sampler, Func<ITrial, double> objective, int trials)
    {
        Study study = NewStudy(sampler);
        study.Optimize(objective, trials);
        return study.BestValue;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
