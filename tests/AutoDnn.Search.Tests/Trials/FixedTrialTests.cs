using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Trials;

public sealed class FixedTrialTests
{
    [Fact]
    public void Suggestions_return_the_stored_values_in_their_distribution_types()
    {
        var trial = new FixedTrial(new Dictionary<string, object?>
        {
            ["lr"] = 0.01,
            ["layers"] = 3L,
            ["opt"] = "adam",
            ["batch"] = 64L,
            ["dropout"] = 0L,
        });

        Assert.Equal(0.01, trial.SuggestFloat("lr", 1e-4, 1, log: true));
        Assert.Equal(3, trial.SuggestInt("layers", 1, 5));
        Assert.Equal("adam", trial.SuggestCategorical("opt", ["sgd", "adam"]));
        Assert.Equal(64, trial.SuggestCategorical("batch", [32, 64, 128]));
        Assert.Equal(0.0, trial.SuggestFloat("dropout", 0, 0.5));
        Assert.Equal(["batch", "dropout", "layers", "lr", "opt"], trial.Params.Keys);
        Assert.IsType<int>(trial.Params["layers"]);
        Assert.IsType<double>(trial.Params["dropout"]);
    }

    [Fact]
    public void A_saved_model_rebuilds_with_values_a_widened_campaign_space_put_outside_the_plugin_ranges()
    {
        // model.json after a campaign widened mlp.width to [16, 64], added a batch size and stretched the learning rate.
        JsonElement saved = JsonDocument.Parse("""{"width": 25, "batch": 512, "lr": 0.5, "name": "x"}""").RootElement;

        var strict = FixedTrial.FromJson(saved);
        Assert.Throws<ArgumentException>(() => strict.SuggestInt("width", 32, 1024, log: true));

        var rebuilt = FixedTrial.FromJson(saved, acceptOutside: true);
        Assert.Equal(25, rebuilt.SuggestInt("width", 32, 1024, log: true));
        Assert.Equal(512, rebuilt.SuggestCategorical("batch", [32, 64, 128]));
        Assert.Equal(0.5, rebuilt.SuggestFloat("lr", 1e-4, 1e-1, log: true));
        // A value of the wrong kind is still an error naming the parameter.
        Assert.Contains("'name'", Assert.Throws<ArgumentException>(() => rebuilt.SuggestInt("name", 1, 3)).Message);
    }

    [Fact]
    public void A_missing_name_throws_naming_it_and_the_distribution()
    {
        var trial = new FixedTrial(new Dictionary<string, object?> { ["a"] = 1.0 });

        var e = Assert.Throws<ArgumentException>(() => trial.SuggestFloat("b", 0, 2));

        Assert.Contains("'b'", e.Message);
        Assert.Contains("FloatDistribution", e.Message);
        Assert.Contains("its parameters are: a", e.Message);
    }

    [Theory]
    [InlineData("lr", 5.0)]
    [InlineData("n", 2.5)]
    [InlineData("opt", "rmsprop")]
    public void A_value_outside_the_distribution_throws_naming_both(string name, object value)
    {
        var trial = new FixedTrial(new Dictionary<string, object?> { [name] = value });

        var e = Assert.Throws<ArgumentException>(() => _ = name switch
        {
            "lr" => trial.SuggestFloat(name, 1e-4, 1, log: true),
            "n" => trial.SuggestInt(name, 1, 5),
            _ => (object)trial.SuggestCategorical(name, ["sgd", "adam"]),
        });

        Assert.Contains($"'{name}'", e.Message);
        Assert.Contains(CategoricalChoice.Format(value), e.Message);
        Assert.Contains("does not lie in the suggested", e.Message);
        Assert.Empty(trial.Params);
    }

    [Fact]
    public void Reports_and_attributes_stay_local_and_it_never_prunes()
    {
        var trial = new FixedTrial(new Dictionary<string, object?>(), number: 7);
        trial.Report(0.5, step: 0);
        trial.Report(0.7, step: 0, fold: 1);
        trial.SetUserAttribute("note", "retrain");

        Assert.Equal(7, trial.Number);
        Assert.False(trial.ShouldPrune());
        Assert.Equal(0.7, trial.IntermediateValues[new IntermediateKey(1, 0)]);
        Assert.Throws<InvalidOperationException>(() => trial.Report(0.1, step: 0));
        Assert.Equal("retrain", trial.UserAttributes["note"].GetString());
    }

    [Fact]
    public void It_replays_a_finished_trial_and_its_json_form()
    {
        Study study = Study.Create(new StudyOptions { Sampler = new RandomSampler(5) });
        study.Optimize(t => t.SuggestFloat("x", -1, 1) + t.SuggestInt("k", 0, 9) + (t.SuggestCategorical("c", [true, false]) ? 1 : 0), 3);
        FrozenTrial finished = study.Trials[2];

        var replay = new FixedTrial(finished);
        double value = replay.SuggestFloat("x", -1, 1) + replay.SuggestInt("k", 0, 9) + (replay.SuggestCategorical("c", [true, false]) ? 1 : 0);
        FixedTrial fromJson = FixedTrial.FromJson(JsonSerializer.SerializeToElement(finished.Params));

        Assert.Equal(2, replay.Number);
        Assert.Equal(finished.Value, value);
        Assert.Equal(finished.Params, replay.Params);
        Assert.Equal(finished.Params["k"], fromJson.SuggestInt("k", 0, 9));
        Assert.Equal(finished.Params["x"], fromJson.SuggestFloat("x", -1, 1));
    }

    [Fact]
    public void Suggesting_a_name_again_with_another_kind_throws()
    {
        var trial = new FixedTrial(new Dictionary<string, object?> { ["x"] = 1L });
        trial.SuggestInt("x", 0, 3);

        Assert.Contains("already suggested", Assert.Throws<ArgumentException>(() => trial.SuggestFloat("x", 0, 3)).Message);
    }
}
