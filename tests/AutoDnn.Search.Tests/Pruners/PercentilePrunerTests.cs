using AutoDnn.Search.Pruners;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Pruners;

public sealed class PercentilePrunerTests : PrunerConformanceTests
{
    protected override IPruner CreatePruner() => new PercentilePruner(25, nStartupTrials: 5, nWarmupSteps: 0, intervalSteps: 2);

    protected override IEnumerable<PrunerCase> KnownCases()
    {
        // GoodHistory at step 2 holds 10/3 + 0.00 … 0.09: the 25th percentile is 10/3 + 0.0225 (the median 10/3 + 0.045).
        double q25 = (10.0 / 3) + 0.0225;
        FrozenTrial[] maximizing = [.. GoodHistory.Select(Curves.Negated)];
        return
        [
            PrunerCase.Of("above the 25th percentile, below the median", StudyDirection.Minimize, GoodHistory, [10, 5, q25 + 0.01], true),
            PrunerCase.Of("below the 25th percentile", StudyDirection.Minimize, GoodHistory, [10, 5, q25 - 0.01], false),
            PrunerCase.Of("maximizing: below the 75th percentile of the values", StudyDirection.Maximize, maximizing, [-10, -5, -q25 - 0.01], true),
            PrunerCase.Of("maximizing: above it", StudyDirection.Maximize, maximizing, [-10, -5, -q25 + 0.01], false),
            PrunerCase.Of("step 3 is off the interval grid (0, 2, 4, …)", StudyDirection.Minimize, GoodHistory, [10, 5, 3, 100], false),
            PrunerCase.Of("step 4 is on it", StudyDirection.Minimize, GoodHistory, [10, 5, 3, 100, 100], true),
            PrunerCase.OfTrial("step 3 after a gap since step 0 is judged once for its interval", StudyDirection.Minimize, GoodHistory,
                Curves.Points(0, TrialState.Running, null, (0, 10), (3, 100)), true),
        ];
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void Rejects_a_percentile_outside_0_to_100(double percentile)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PercentilePruner(percentile));
        Assert.Equal("percentile", e.ParamName);
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 25, 1.75)]
    [InlineData(new[] { 4.0, 1, 3, 2 }, 50, 2.5)]
    [InlineData(new[] { 1.0, double.NaN, 3 }, 50, 2)]
    [InlineData(new[] { 0.1, 0.2, 0.7 }, 100, 0.7)]
    [InlineData(new[] { 5.0 }, 10, 5)]
    public void Percentile_is_numpys_nanpercentile(double[] values, double q, double expected) =>
        Assert.Equal(expected, PercentilePruner.NanPercentile(values, q), 12);

    [Fact]
    public void Percentile_of_only_NaN_is_NaN() =>
        Assert.True(double.IsNaN(PercentilePruner.NanPercentile([double.NaN, double.NaN], 50)));

    [Fact]
    public void A_trial_is_never_compared_with_itself_in_the_history()
    {
        // The trial under judgement appears as Complete in this snapshot (a stale copy); only the other five count.
        FrozenTrial[] history = [.. GoodHistory.Take(5)];
        FrozenTrial self = Curves.Complete(5, 100, 100, 100, 100);
        StudySnapshot study = Curves.Study(StudyDirection.Minimize, [.. history, self]);
        FrozenTrial running = self with { State = TrialState.Running, Values = null };

        Assert.True(new PercentilePruner(90, nStartupTrials: 5).ShouldPrune(study, running));
        Assert.False(new PercentilePruner(90, nStartupTrials: 6).ShouldPrune(study, running));
    }
}
