using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Campaigns.Space;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Hosting.Tests.Campaigns.Space;

public sealed class OverridingTrialTests
{
    private const string Yaml = """
        name: o
        task: {dataset: d, architecture: a}
        training: {epochs: 1}
        budget: {trials: 1}
        space:
          train.lr: {low: 0.01, high: 0.02}
          cnn.blocks: 2
          train.optimizer: {choices: [adam, sgd]}
          cnn.pool: {add_choices: [lp]}
          cnn.width: {low: 8, high: 16, step: 4}
          cnn.act: relu
          unused.name: 3
        """;

    private static readonly IReadOnlyList<SpaceOverride> Overrides = CampaignSpec.Parse(Yaml, "o.yaml").Space;

    [Fact]
    public void OverridesApplyOnARealStudyAndOtherNamesPassThrough()
    {
        Study study = Study.Create(new StudyOptions { Storage = new InMemoryStudyStorage(), Sampler = new RandomSampler(7) });
        for (int i = 0; i < 20; i++)
        {
            Trial inner = study.Ask();
            var trial = new OverridingTrial(inner, Overrides);

            double lr = trial.SuggestFloat("train.lr", 1e-5, 1, log: true);
            int blocks = trial.SuggestInt("cnn.blocks", 1, 4);
            string optimizer = trial.SuggestCategorical("train.optimizer", ["adam", "sgd", "rmsprop"]);
            string pool = trial.SuggestCategorical("cnn.pool", ["max", "avg"]);
            int width = trial.SuggestInt("cnn.width", 4, 64, log: true);
            object? act = trial.Suggest("cnn.act", new CategoricalDistribution(["relu", "tanh"]));
            double dropout = trial.SuggestFloat("cnn.dropout", 0, 0.5);

            Assert.InRange(lr, 0.01, 0.02);
            Assert.Equal(new FloatDistribution(0.01, 0.02, log: true), inner.Distributions["train.lr"]);
            Assert.Equal(2, blocks);
            Assert.Equal(new IntDistribution(2, 2), inner.Distributions["cnn.blocks"]);
            Assert.Contains(optimizer, new[] { "adam", "sgd" });
            Assert.Contains(pool, new[] { "max", "avg", "lp" });
            Assert.Equal(new CategoricalDistribution(["max", "avg", "lp"]), inner.Distributions["cnn.pool"]);
            Assert.Contains(width, new[] { 8, 12, 16 });
            Assert.Equal(new IntDistribution(8, 16, step: 4), inner.Distributions["cnn.width"]);
            Assert.Equal("relu", act);
            Assert.InRange(dropout, 0, 0.5);
            Assert.Equal(new FloatDistribution(0, 0.5), inner.Distributions["cnn.dropout"]);

            Assert.Equal(["unused.name"], trial.UnusedOverrides.Select(o => o.Name));
            study.Tell(inner, lr);
        }

        Assert.Equal(3, study.Trials.Select(t => t.Params["cnn.pool"]).Distinct().Count());
    }

    [Fact]
    public void UnusedOverridesBecomeErrorsAtTheirPositions()
    {
        var trial = new OverridingTrial(new RecordingTrial(), Overrides);
        trial.SuggestFloat("train.lr", 0.001, 0.1);
        trial.SuggestInt("cnn.blocks", 1, 3);
        trial.SuggestInt("unused.nam", 1, 3);

        Assert.Equal(["train.optimizer", "cnn.pool", "cnn.width", "cnn.act", "unused.name"], trial.UnusedOverrides.Select(o => o.Name));
        Assert.Equal(
            "o.yaml:12:3: space[unused.name]: no plugin suggests a hyperparameter of this name; write unused.nam instead",
            trial.UnusedOverrideErrors()[^1].ToString());
    }

    [Fact]
    public void FixingAnIntToAStringNamesTheParameterThePositionAndTheExpectation()
    {
        SpaceOverride o = Override("cnn.blocks: abc");
        var trial = new OverridingTrial(new RecordingTrial(), [o]);

        SpaceOverrideException e = Assert.Throws<SpaceOverrideException>(() => trial.SuggestInt("cnn.blocks", 1, 4));

        Assert.Equal(
            "t.yaml:6:3: space[cnn.blocks]: the plugin suggests an int in [1, 4], but the override fixes it to \"abc\"; write an integer such as 2 instead",
            e.Message);
        Assert.Equal(new SourcePosition("t.yaml", 6, 3), e.ToError().Position);
    }

    [Theory]
    [InlineData("x: {low: 1, high: 3}", "the plugin suggests one of [\"a\", \"b\"] (strings), but the override {low: 1, high: 3} is a range, which needs a float or int; write choices: [\"a\", \"b\"] instead of low/high instead")]
    [InlineData("x: {choices: [a, 2]}", "the plugin suggests one of [\"a\", \"b\"] (strings), but the override {choices: [\"a\", 2]} lists 2; write strings only instead")]
    [InlineData("x: 3", "the plugin suggests one of [\"a\", \"b\"] (strings), but the override fixes it to 3; write one of \"a\", \"b\" instead")]
    public void MismatchesOnACategorical(string line, string reason)
    {
        var trial = new OverridingTrial(new RecordingTrial(), [Override(line)]);
        SpaceOverrideException e = Assert.Throws<SpaceOverrideException>(() => trial.SuggestCategorical("x", ["a", "b"]));
        Assert.Equal(reason, e.Reason);
    }

    [Theory]
    [InlineData("x: {low: 1.5}", "the plugin suggests an int in [1, 4], but the override {low: 1.5} has low 1.5, which is not an integer; write an integer low instead")]
    [InlineData("x: {add_choices: [7]}", "the plugin suggests an int in [1, 4], but the override {add_choices: [7]} adds choices, which needs a categorical; write choices: [...] (replace the range by choices) or a range instead")]
    [InlineData("x: {high: 0, log: true}", "the plugin suggests an int in [1, 4], but the override {high: 0, log: true} gives an invalid domain: low must be <= high, got low = 1 > high = 0; fix the override instead")]
    public void MismatchesOnAnInt(string line, string reason)
    {
        var trial = new OverridingTrial(new RecordingTrial(), [Override(line)]);
        SpaceOverrideException e = Assert.Throws<SpaceOverrideException>(() => trial.SuggestInt("x", 1, 4));
        Assert.Equal(reason, e.Reason);
    }

    [Fact]
    public void ChoicesOnNumbersAndIntegralFixesConvertToThePluginsType()
    {
        var trial = new OverridingTrial(
            new RecordingTrial(),
            [Override("a: {choices: [1, 0.5]}"), Override("b: {choices: [2, 4]}"), Override("c: 3"), Override("d: {choices: [16, 32]}")]);

        Assert.Equal(1.0, trial.SuggestFloat("a", 0, 1));
        Assert.Equal(2, trial.SuggestInt("b", 1, 8));
        Assert.Equal(3.0, trial.SuggestFloat("c", 0, 10));
        Assert.Equal(16L, trial.SuggestCategorical("d", [8L, 16L]));
        Assert.Empty(trial.UnusedOverrides);
    }

    private static SpaceOverride Override(string line) =>
        CampaignSpec.Parse($"name: t\ntask: {{dataset: d, architecture: a}}\ntraining: {{epochs: 1}}\nbudget: {{trials: 1}}\nspace:\n  {line}\n", "t.yaml").Space[0];
}
