using AutoDnn.Search.Samplers.Tpe;

namespace AutoDnn.Search.Tests.Samplers.Tpe;

public sealed class TpeSplitterTests
{
    [Fact]
    public void Hypervolume_of_known_sets()
    {
        Assert.Equal(3.0, Hypervolume.Compute([[1, 2], [2, 1]], [3, 3]), 12);
        Assert.Equal(3.0, Hypervolume.Compute([[0, 1, 1], [1, 0, 1]], [2, 2, 2]), 12);
        Assert.Equal(0.0, Hypervolume.Compute([[4, 0]], [3, 3]));
    }

    [Fact]
    public void Non_domination_ranks_peel_fronts()
    {
        int[] ranks = TpeSplitter.NonDominationRanks([[1, 4], [2, 2], [4, 1], [3, 3], [5, 5]]);
        Assert.Equal([0, 0, 0, 1, 2], ranks);
    }

    [Fact]
    public void Single_objective_split_ranks_complete_before_pruned_before_running()
    {
        var observations = new List<TpeObservation>
        {
            new(double.PositiveInfinity, [double.PositiveInfinity], 0, [0.1]),
            new(double.NegativeInfinity, [5.0], 0, [0.2]),
            new(-3, [-100.0], 0, [0.3]),
            new(double.NegativeInfinity, [1.0], 0, [0.4]),
        };

        (int[] below, int[] above) = TpeSplitter.Split(observations, 2, useViolations: false);

        Assert.Equal([1, 3], below);
        Assert.Equal([0, 2], above);
    }

    [Fact]
    public void Feasible_trials_come_first()
    {
        var observations = new List<TpeObservation>
        {
            new(double.NegativeInfinity, [0.0], 2.0, [0.1]),
            new(double.NegativeInfinity, [3.0], 0, [0.2]),
            new(double.NegativeInfinity, [2.0], 0, [0.3]),
            new(double.NegativeInfinity, [1.0], 0.5, [0.4]),
        };

        Assert.Equal([2], TpeSplitter.Split(observations, 1, useViolations: true).Below);
        Assert.Equal([1, 2, 3], TpeSplitter.Split(observations, 3, useViolations: true).Below);
    }

    [Fact]
    public void Multi_objective_split_takes_the_front_then_the_largest_hypervolume()
    {
        var observations = new List<TpeObservation>
        {
            new(double.NegativeInfinity, [1.0, 4.0], 0, [0]),
            new(double.NegativeInfinity, [2.0, 2.0], 0, [0]),
            new(double.NegativeInfinity, [4.0, 1.0], 0, [0]),
            new(double.NegativeInfinity, [5.0, 5.0], 0, [0]),
        };

        (int[] below, _) = TpeSplitter.Split(observations, 1, useViolations: false);
        double[] weights = TpeSplitter.MultiObjectiveWeights(observations, [0, 1, 2], useViolations: false);

        Assert.Equal([1], below);
        Assert.Equal(1.0, weights.Max(), 12);
        Assert.All(weights, w => Assert.InRange(w, 1e-12, 1.0));
    }
}
