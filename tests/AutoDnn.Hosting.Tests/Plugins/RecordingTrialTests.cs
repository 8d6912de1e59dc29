using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Plugins;

namespace AutoDnn.Hosting.Tests.Plugins;

public sealed class RecordingTrialTests
{
    [Fact]
    public void AnswersMidpointsAndFirstChoices()
    {
        var trial = new RecordingTrial();

        Assert.Equal(0.5, trial.SuggestFloat("a", 0, 1));
        Assert.Equal(1e-3, trial.SuggestFloat("lr", 1e-5, 1e-1, log: true), 12);
        Assert.Equal(0.5, trial.SuggestFloat("stepped", 0, 0.75, step: 0.25));
        Assert.Equal(6, trial.SuggestInt("n", 1, 11));
        Assert.Equal(16, trial.SuggestInt("width", 4, 64, log: true));
        Assert.Equal(8, trial.SuggestInt("grid", 0, 12, step: 4));
        Assert.Equal("sgd", trial.SuggestCategorical("opt", new[] { "sgd", "adam" }));
        Assert.Equal(3, trial.Suggest("k", new IntDistribution(2, 4)));
    }

    [Fact]
    public void RecordsEachNameOnceInOrderWithItsDomain()
    {
        var trial = new RecordingTrial();
        trial.SuggestInt("n", 1, 3);
        trial.SuggestFloat("x", -1, 1);
        Assert.Equal(2, trial.SuggestInt("n", 1, 3));

        Assert.Equal(["n", "x"], trial.Traced.Select(p => p.Name));
        Assert.Equal(new IntDistribution(1, 3), trial.Traced[0].Distribution);
        Assert.Equal(0.0, trial.Traced[1].DefaultValue);
        Assert.Equal(2, trial.Params["n"]);
        Assert.False(trial.ShouldPrune());
    }

    [Fact]
    public void RejectsAnInvalidDomainAsTheRealTrialDoes()
    {
        var trial = new RecordingTrial();
        Assert.Throws<ArgumentException>(() => trial.SuggestFloat("x", 1, 0));
        Assert.Throws<ArgumentException>(() => trial.SuggestCategorical("c", Array.Empty<string>()));
    }
}
