using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Studies;

public sealed class ParetoFrontTests
{
    private static readonly StudyDirection[] MinMax = [StudyDirection.Minimize, StudyDirection.Maximize];

    [Theory]
    [InlineData(1, 5, 2, 4, true)]
    [InlineData(1, 5, 1, 5, false)]
    [InlineData(1, 4, 2, 5, false)]
    [InlineData(1, 5, 1, 4, true)]
    public void Dominance_respects_each_direction(double a0, double a1, double b0, double b1, bool expected) =>
        Assert.Equal(expected, ParetoFront.Dominates([a0, a1], [b0, b1], MinMax));

    [Fact]
    public void Front_keeps_non_dominated_trials_and_skips_those_without_values()
    {
        FrozenTrial[] trials =
        [
            new() { Number = 0, Values = [1, 1] },
            new() { Number = 1, Values = [2, 2] },
            new() { Number = 2, Values = [3, 1] },
            new() { Number = 3 },
        ];

        Assert.Equal([0, 1], ParetoFront.Of(trials, MinMax).Select(t => t.Number));
        Assert.Throws<ArgumentException>(() => ParetoFront.Dominates([1], [1, 2], MinMax));
    }
}
