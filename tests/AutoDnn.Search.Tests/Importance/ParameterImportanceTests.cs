using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Importance;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Importance;

public sealed class ParameterImportanceTests
{
    private static readonly FanovaImportanceEvaluator Seeded = new(nTrees: 32, seed: 7);

    [Fact]
    public void The_only_influential_parameter_ranks_first_with_a_large_share()
    {
        FrozenTrial[] trials = ImportanceTrials.Uniform3(120, seed: 1, (x, y, z) => (x - 0.3) * (x - 0.3));
        IReadOnlyDictionary<string, double> importance = ParameterImportance.Evaluate(trials, Seeded);

        Assert.Equal(3, importance.Count);
        Assert.Equal("x", importance.Keys.First());
        Assert.True(importance["x"] > 0.9, $"x got {importance["x"]:F3}");
        Assert.Equal(1.0, importance.Values.Sum(), 9);
    }

    [Fact]
    public void Two_parameters_with_a_known_variance_ratio_are_ordered_and_shared_about_right()
    {
        // f = 3x + y with x, y uniform: Var(3x) : Var(y) = 9 : 1, so x ≈ 0.9 and y ≈ 0.1; z does nothing.
        FrozenTrial[] trials = ImportanceTrials.Uniform3(200, seed: 2, (x, y, z) => (3 * x) + y);
        IReadOnlyDictionary<string, double> importance = ParameterImportance.Evaluate(trials, Seeded);

        Assert.Equal(["x", "y", "z"], importance.Keys);
        Assert.InRange(importance["x"], 0.75, 0.97);
        Assert.InRange(importance["y"], 0.03, 0.2);
        Assert.True(importance["z"] < importance["y"] / 2, $"z {importance["z"]:F3} vs y {importance["y"]:F3}");
    }

    [Fact]
    public void Same_seed_gives_the_same_importances()
    {
        FrozenTrial[] trials = ImportanceTrials.Uniform3(80, seed: 3, (x, y, z) => x + (0.5 * y * z));
        var first = ParameterImportance.Evaluate(trials, new FanovaImportanceEvaluator(nTrees: 16, seed: 11)).ToList();
        var second = ParameterImportance.Evaluate(trials, new FanovaImportanceEvaluator(nTrees: 16, seed: 11)).ToList();
        var other = ParameterImportance.Evaluate(trials, new FanovaImportanceEvaluator(nTrees: 16, seed: 12)).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Categorical_parameters_are_judged_over_all_their_choices()
    {
        var kind = new CategoricalDistribution(["relu", "tanh", "gelu"]);
        var x = new FloatDistribution(0, 1);
        var random = new Random(4);
        FrozenTrial[] trials =
        [
            .. Enumerable.Range(0, 120).Select(i =>
            {
                string k = (string)kind.Choices[random.Next(3)]!;
                double v = random.NextDouble();
                return ImportanceTrials.Complete(i, (k == "tanh" ? 10 : k == "gelu" ? 5 : 0) + (0.5 * v), ("act", kind, k), ("x", x, v));
            }),
        ];

        IReadOnlyDictionary<string, double> importance = ParameterImportance.Evaluate(trials, Seeded);
        Assert.Equal(["act", "x"], importance.Keys);
        Assert.True(importance["act"] > 0.9, $"act got {importance["act"]:F3}");
    }

    [Fact]
    public void Log_parameters_are_analysed_in_log_space()
    {
        // A jump at lr = 1e-3 splits [1e-5, 1e-1] in half in log space (variance 25) but at 1 % in linear space
        // (variance ≈ 1); y adds variance 100/12 ≈ 8.3. Only the log-space analysis ranks lr first.
        var lr = new FloatDistribution(1e-5, 1e-1, log: true);
        var unit = new FloatDistribution(0, 1);
        var random = new Random(5);
        FrozenTrial[] trials =
        [
            .. Enumerable.Range(0, 200).Select(i =>
            {
                double l = Math.Pow(10, -5 + (4 * random.NextDouble()));
                double y = random.NextDouble();
                return ImportanceTrials.Complete(i, (l > 1e-3 ? 10 : 0) + (10 * y), ("lr", lr, l), ("y", unit, y));
            }),
        ];

        IReadOnlyDictionary<string, double> importance = ParameterImportance.Evaluate(trials, Seeded);
        Assert.Equal("lr", importance.Keys.First());
        Assert.InRange(importance["lr"], 0.6, 0.9);
    }

    [Fact]
    public void Conditional_parameters_use_only_the_trials_that_have_them()
    {
        var model = new CategoricalDistribution(["tree", "linear"]);
        var depth = new IntDistribution(1, 10);
        var x = new FloatDistribution(0, 1);
        var random = new Random(6);
        FrozenTrial[] trials =
        [
            .. Enumerable.Range(0, 150).Select(i =>
            {
                double v = random.NextDouble();
                if (i % 2 == 0)
                {
                    return ImportanceTrials.Complete(i, 100 + (0.1 * v), ("model", model, "linear"), ("x", x, v));
                }

                int d = random.Next(1, 11);
                return ImportanceTrials.Complete(i, d + (0.1 * v), ("model", model, "tree"), ("depth", depth, d), ("x", x, v));
            }),
        ];

        // Among tree trials only depth matters; over all trials the model dominates; depth is not common to all trials.
        Assert.Equal("depth", ParameterImportance.Evaluate(trials, Seeded, ["depth", "x"]).Keys.First());
        IReadOnlyDictionary<string, double> common = ParameterImportance.Evaluate(trials, Seeded);
        Assert.Equal(["model", "x"], common.Keys);
    }

    [Fact]
    public void A_single_valued_parameter_gets_zero()
    {
        var fixedParam = new FloatDistribution(2, 2);
        FrozenTrial[] trials = [.. ImportanceTrials.Uniform3(60, seed: 8, (x, y, z) => x + y).Select(t => t with
        {
            InternalParams = t.InternalParams.Append(KeyValuePair.Create("c", 2.0)).ToDictionary(),
            Distributions = t.Distributions.Append(KeyValuePair.Create<string, Distribution>("c", fixedParam)).ToDictionary(),
        })];

        IReadOnlyDictionary<string, double> importance = ParameterImportance.Evaluate(trials, Seeded);
        Assert.Equal(0.0, importance["c"]);
        Assert.Equal("c", importance.Keys.Last());
    }

    [Fact]
    public void Clear_errors_for_what_cannot_be_evaluated()
    {
        FrozenTrial[] trials = ImportanceTrials.Uniform3(10, seed: 9, (x, y, z) => x);

        var tooFew = Assert.Throws<InvalidOperationException>(() => ParameterImportance.Evaluate(trials[..1], Seeded));
        Assert.Contains("at least 2 completed trials", tooFew.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<ArgumentException>(() => ParameterImportance.Evaluate(trials, Seeded, ["nope"]));
        Assert.Contains("'nope'", unknown.Message, StringComparison.Ordinal);

        FrozenTrial[] flat = [.. trials.Select(t => t with { Values = [1.0] })];
        Assert.Throws<InvalidOperationException>(() => ParameterImportance.Evaluate(flat, Seeded));

        var study = new StudySnapshot(0, "mo", [StudyDirection.Minimize, StudyDirection.Maximize], trials);
        var multi = Assert.Throws<ArgumentException>(() => ParameterImportance.Evaluate(study, Seeded));
        Assert.Contains("target", multi.Message, StringComparison.Ordinal);
        Assert.Equal("x", ParameterImportance.Evaluate(study, Seeded, target: t => t.Values![0]).Keys.First());
    }
}
