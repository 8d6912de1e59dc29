using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Trials;

public sealed class FrozenTrialTests
{
    [Fact]
    public void Collections_are_copied_so_the_snapshot_cannot_change()
    {
        var values = new List<double> { 1 };
        var parameters = new Dictionary<string, double> { ["b"] = 2, ["a"] = 1 };
        var trial = new FrozenTrial
        {
            Values = values,
            InternalParams = parameters,
            Distributions = new Dictionary<string, Distribution> { ["a"] = new IntDistribution(0, 5), ["b"] = new IntDistribution(0, 5) },
        };
        values.Add(2);
        parameters["c"] = 3;

        Assert.Equal([1.0], trial.Values);
        Assert.Equal(["a", "b"], trial.InternalParams.Keys);
        Assert.Equal(1, trial.GetParam<int>("a"));
        Assert.Throws<KeyNotFoundException>(() => trial.GetParam<int>("c"));
    }

    [Fact]
    public void Curves_folds_and_last_step_are_read_from_intermediate_values()
    {
        var trial = new FrozenTrial
        {
            IntermediateValues = new Dictionary<IntermediateKey, double>
            {
                [new(1, 0)] = 5, [new(0, 2)] = 3, [new(0, 0)] = 9, [new(1, 1)] = 4,
            },
        };

        Assert.Equal([0, 1], trial.Folds);
        Assert.Equal(2, trial.LastStep);
        Assert.Equal([KeyValuePair.Create(0, 9.0), KeyValuePair.Create(2, 3.0)], trial.Curve(0));
        Assert.True(trial.TryGetIntermediate(1, 1, out double v) && v == 4);
        Assert.Null(new FrozenTrial().LastStep);
    }

    [Fact]
    public void Feasibility_and_single_value_follow_the_stored_lists()
    {
        Assert.True(new FrozenTrial().IsFeasible);
        Assert.True(new FrozenTrial { Constraints = [0, -1] }.IsFeasible);
        Assert.False(new FrozenTrial { Constraints = [0, 0.1] }.IsFeasible);
        Assert.Equal(2, new FrozenTrial { Values = [2] }.Value);
        Assert.Throws<InvalidOperationException>(() => new FrozenTrial { Values = [1, 2] }.Value);
        Assert.Equal(JsonValueKind.Undefined, new FrozenTrial().UserAttributes.GetValueOrDefault("x").ValueKind);
    }
}
