using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Samplers.Tpe;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Samplers;

/// <summary>The conformance suite over the default sampler (multivariate TPE, grouped, constant liar), plus facts about groups.</summary>
public sealed class MultivariateTpeSamplerTests : SamplerConformanceTests
{
    [Fact]
    public void Conditional_spaces_decompose_into_groups_that_appear_together()
    {
        Study study = NewStudy(CreateSampler(2, ConditionalSpace));
        study.Optimize(ConditionalObjective, 20);

        var groups = TpeSearchSpace.Groups(study.Snapshot()).Select(g => string.Join(",", g.Keys)).Order().ToList();

        Assert.Equal(["filters,kernel_dropout", "kind", "units"], groups);
    }

    [Fact]
    public void Relative_proposals_cover_each_branch_and_favour_the_better_one()
    {
        Study study = NewStudy(CreateSampler(6, ConditionalSpace));
        study.Optimize(
            t => t.SuggestCategorical("kind", ["cnn", "mlp"]) == "cnn"
                ? Math.Abs(t.SuggestInt("filters", 8, 32, step: 8) - 24) + t.SuggestFloat("kernel_dropout", 0.0, 0.5)
                : 5 + t.SuggestInt("units", 1, 4, log: true),
            60);

        FrozenTrial last = study.Trials[^1];
        Assert.True(last.SystemAttributes.ContainsKey(TrialSystemAttributes.RelativeParams));
        var late = study.Trials.Skip(30).ToList();
        Assert.True(late.Count(t => (string)t.Params["kind"]! == "cnn") >= 24, "The better branch should dominate late trials.");
        Assert.True(late.Where(t => t.Params.ContainsKey("filters")).Count(t => (int)t.Params["filters"]! == 24) >= 12);
    }

    [Fact]
    public void Intersection_space_drops_parameters_with_changing_ranges()
    {
        Study study = NewStudy(new TpeSampler(new TpeSamplerOptions { Seed = 1, Multivariate = true }));
        for (int i = 0; i < 4; i++)
        {
            Trial trial = study.Ask();
            study.Tell(trial, trial.SuggestFloat("a", 0, 1) + trial.SuggestFloat("b", 0, 1 + i) + trial.SuggestInt("fixed", 3, 3));
        }

        Assert.Equal(["a"], TpeSearchSpace.Intersection(study.Snapshot()).Keys);
    }

    [Fact]
    public void Multi_objective_studies_move_toward_the_pareto_front()
    {
        static IReadOnlyList<double> TwoObjectives(ITrial t)
        {
            double x = t.SuggestFloat("x", 0, 1), y = t.SuggestFloat("y", 0, 1);
            return [x + y, (1 - x) + y];
        }

        double LateMeanY(ISampler sampler)
        {
            Study study = Study.Create(new StudyOptions { Sampler = sampler, Directions = [StudyDirection.Minimize, StudyDirection.Minimize] });
            study.Optimize(TwoObjectives, 150);
            return study.Trials.Skip(75).Average(t => (double)t.Params["y"]!);
        }

        // y = 0 is the Pareto set: late TPE trials should sit much closer to it than random ones.
        double tpe = LateMeanY(CreateSampler(8, MixedSpace));
        double random = LateMeanY(new RandomSampler(8));
        Assert.True(tpe < 0.7 * random, $"Late mean y: {tpe} with TPE, {random} at random.");
    }

    protected override ISampler CreateSampler(int seed, IReadOnlyDictionary<string, Distribution> space) => SamplerDefaults.CreateTunedTpe(seed);
}
