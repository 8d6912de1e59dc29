using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Trials;

public sealed class TrialTests
{
    [Fact]
    public void Suggesting_a_name_again_returns_the_first_value()
    {
        Trial trial = Study.Create(new StudyOptions { Sampler = new RandomSampler(3) }).Ask();
        double first = trial.SuggestFloat("x", 0, 1);

        Assert.Equal(first, trial.SuggestFloat("x", 0, 1));
        Assert.Equal("a", trial.SuggestCategorical("c", ["a"]));
        Assert.Contains("already suggested", Assert.Throws<ArgumentException>(() => trial.SuggestInt("x", 0, 1)).Message);
        Assert.Throws<ArgumentException>(() => trial.SuggestCategorical("c", ["a", "b"]));
    }

    [Theory]
    [InlineData("lr", 0.0, 1.0, true, null, "log = true needs low > 0")]
    [InlineData("p", 0.0, 1.0, false, 0.3, "does not divide")]
    [InlineData("q", 2.0, 1.0, false, null, "low must be <= high")]
    public void Invalid_ranges_name_the_hyperparameter(string name, double low, double high, bool log, double? step, string reason)
    {
        Trial trial = Study.Create().Ask();
        var e = Assert.Throws<ArgumentException>(() => trial.SuggestFloat(name, low, high, log, step));

        Assert.Equal(name, e.ParamName);
        Assert.StartsWith($"Hyperparameter '{name}': ", e.Message);
        Assert.Contains(reason, e.Message);
        Assert.Throws<ArgumentException>(() => trial.SuggestInt("n", 5, 1));
        Assert.Throws<ArgumentException>(() => trial.SuggestCategorical("e", Array.Empty<string>()));
    }

    [Fact]
    public void Reports_are_stored_per_fold_and_step_once()
    {
        Trial trial = Study.Create().Ask();
        trial.Report(0.5, step: 0);
        trial.Report(0.6, step: 0, fold: 1);

        Assert.Throws<InvalidOperationException>(() => trial.Report(0.4, step: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => trial.Report(0.4, step: -1));
        Assert.Equal(2, trial.Study.Trials[0].IntermediateValues.Count);
        Assert.False(trial.ShouldPrune());
    }

    [Fact]
    public void User_attributes_and_suggest_by_distribution_reach_storage()
    {
        Study study = Study.Create();
        Trial trial = study.Ask(new Dictionary<string, Distribution> { ["n"] = new IntDistribution(4, 4) });
        trial.SetUserAttribute("device", "cpu");
        object? any = trial.Suggest("opt", new CategoricalDistribution(["sgd", "adam"]));

        FrozenTrial stored = study.Trials[0];
        Assert.Equal(4, stored.Params["n"]);
        Assert.Equal(any, stored.Params["opt"]);
        Assert.Equal("cpu", stored.UserAttributes["device"].GetString());
        Assert.Equal(stored.Params, trial.Params);
    }
}
