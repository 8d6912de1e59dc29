using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Samplers.Tpe;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Samplers;

/// <summary>The conformance suite over univariate TPE (Optuna 3.1 defaults), plus facts about the model.</summary>
public sealed class TpeSamplerTests : SamplerConformanceTests
{
    [Fact]
    public void Beats_random_on_a_quadratic_in_median_over_seeds()
    {
        static double Quadratic(ITrial t) =>
            Math.Pow(t.SuggestFloat("x", -5, 5) - 1.3, 2) + Math.Pow(t.SuggestFloat("y", -5, 5) + 0.7, 2) + Math.Pow(t.SuggestInt("n", 0, 20) - 4, 2);

        double Median(Func<int, ISampler> create) => Enumerable.Range(0, 9)
            .Select(seed =>
            {
                Study study = NewStudy(create(seed));
                study.Optimize(Quadratic, 60);
                return study.BestValue;
            })
            .Order().ElementAt(4);

        double tpe = Median(seed => new TpeSampler(seed));
        double multivariate = Median(seed => SamplerDefaults.CreateTunedTpe(seed));
        double random = Median(seed => new RandomSampler(seed));

        Assert.True(tpe < random / 3, $"TPE median best {tpe} vs random {random}.");
        Assert.True(multivariate < random / 3, $"Multivariate TPE median best {multivariate} vs random {random}.");
    }

    [Fact]
    public void Startup_trials_are_random_then_the_model_concentrates()
    {
        Study study = NewStudy(new TpeSampler(7));
        study.Optimize(t => Math.Abs(t.SuggestFloat("x", 0, 100) - 20), 80);

        double[] xs = study.Trials.Select(t => (double)t.Params["x"]!).ToArray();
        double spreadEarly = xs.Take(10).Select(x => Math.Abs(x - 20)).Order().ElementAt(5);
        double spreadLate = xs.Skip(60).Select(x => Math.Abs(x - 20)).Order().ElementAt(10);
        Assert.True(spreadLate < spreadEarly / 4, $"Late median distance {spreadLate} vs early {spreadEarly}.");
    }

    [Fact]
    public void Maximize_studies_are_modelled_with_the_sign_flipped()
    {
        Study study = Study.Create(new StudyOptions { Sampler = new TpeSampler(3), Directions = [StudyDirection.Maximize] });
        study.Optimize(t => -Math.Pow(t.SuggestFloat("x", -10, 10) - 6, 2), 60);

        Assert.InRange((double)study.BestParams["x"]!, 5, 7);
        double lateMedian = study.Trials.Skip(40).Select(t => (double)t.Params["x"]!).Order().ElementAt(10);
        Assert.InRange(lateMedian, 3, 9);
    }

    [Fact]
    public void Log_int_step_and_categorical_parameters_find_their_optimum()
    {
        Study study = NewStudy(new TpeSampler(5));
        study.Optimize(
            t => Math.Abs(Math.Log(t.SuggestInt("width", 1, 1024, log: true) / 64.0))
                + Math.Abs(t.SuggestFloat("drop", 0, 0.9, step: 0.1) - 0.3)
                + (t.SuggestCategorical("act", ["relu", "tanh", "gelu", "elu"]) == "gelu" ? 0 : 1),
            80);

        var late = study.Trials.Skip(50).ToList();
        Assert.True(late.Count(t => (string)t.Params["act"]! == "gelu") > late.Count / 2);
        Assert.InRange(late.Select(t => (int)t.Params["width"]!).Order().ElementAt(15), 16, 256);
    }

    [Fact]
    public void Constant_liar_steers_away_from_points_other_workers_are_running()
    {
        double DistanceOfNewProposals(bool constantLiar)
        {
            Study study = NewStudy(new TpeSampler(new TpeSamplerOptions { Seed = 4, ConstantLiar = constantLiar }));
            for (int i = 0; i < 20; i++)
            {
                study.Enqueue(new Dictionary<string, object?> { ["x"] = (i + 0.5) / 20.0 });
            }

            study.Optimize(t => Math.Pow(t.SuggestFloat("x", 0, 1) - 0.5, 2), 20);
            for (int i = 0; i < 15; i++)
            {
                study.Enqueue(new Dictionary<string, object?> { ["x"] = 0.5 });
                study.Ask().SuggestFloat("x", 0, 1);
            }

            var distances = new List<double>();
            for (int i = 0; i < 21; i++)
            {
                Trial trial = study.Ask();
                distances.Add(Math.Abs(trial.SuggestFloat("x", 0, 1) - 0.5));
                study.Tell(trial, TrialState.Fail);
            }

            return distances.Order().ElementAt(10);
        }

        double liar = DistanceOfNewProposals(constantLiar: true);
        double plain = DistanceOfNewProposals(constantLiar: false);
        Assert.True(liar > 2 * plain, $"Median distance from the running point: {liar} with constant liar, {plain} without.");
    }

    [Fact]
    public void Pruned_trials_count_as_observations()
    {
        var sampler = new TpeSampler(new TpeSamplerOptions { Seed = 1, StartupTrials = 3 });
        Study study = NewStudy(sampler);
        for (int i = 0; i < 3; i++)
        {
            Trial trial = study.Ask();
            trial.Report(trial.SuggestFloat("x", 0, 1), step: 2);
            study.Tell(trial, TrialState.Pruned);
        }

        var parameter = new TpeParameter("x", new FloatDistribution(0, 1));
        List<TpeObservation> observations = TpeHistory.Collect(study.Snapshot(), study.Ask().Snapshot, [parameter], false, out bool useViolations);

        Assert.Equal(3, observations.Count);
        Assert.All(observations, o => Assert.Equal(-2, o.StepKey));
        Assert.False(useViolations);
    }

    [Fact]
    public void Group_without_multivariate_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new TpeSampler(new TpeSamplerOptions { Group = true }));
        Assert.Contains("Multivariate", e.Message);
    }

    [Fact]
    public void A_weights_function_that_returns_too_few_values_is_named()
    {
        Study study = NewStudy(new TpeSampler(new TpeSamplerOptions { Seed = 1, StartupTrials = 1, Weights = _ => [] }));
        study.Optimize(t => t.SuggestFloat("x", 0, 1), 1);
        var e = Assert.Throws<InvalidOperationException>(() => study.Optimize(t => t.SuggestFloat("x", 0, 1), 1));
        Assert.Contains("weights function", e.Message);
    }

    protected override ISampler CreateSampler(int seed, IReadOnlyDictionary<string, Distribution> space) => new TpeSampler(seed);
}
