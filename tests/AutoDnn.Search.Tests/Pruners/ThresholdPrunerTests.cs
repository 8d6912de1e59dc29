using AutoDnn.Search.Pruners;
using AutoDnn.Search.Studies;

namespace AutoDnn.Search.Tests.Pruners;

public sealed class ThresholdPrunerTests : PrunerConformanceTests
{
    protected override IPruner CreatePruner() => new ThresholdPruner(lower: 0, upper: 5, nWarmupSteps: 1);

    protected override IEnumerable<PrunerCase> KnownCases() =>
    [
        PrunerCase.Of("above upper during warm-up", StudyDirection.Minimize, GoodHistory, [10], false),
        PrunerCase.Of("above upper after warm-up", StudyDirection.Minimize, GoodHistory, [1, 6], true),
        PrunerCase.Of("inside the bounds", StudyDirection.Minimize, GoodHistory, [1, 4.9], false),
        PrunerCase.Of("on the upper bound", StudyDirection.Minimize, GoodHistory, [1, 5], false),
        PrunerCase.Of("below lower", StudyDirection.Maximize, GoodHistory, [1, -0.1], true),
        PrunerCase.Of("NaN", StudyDirection.Minimize, GoodHistory, [1, double.NaN], true),
        PrunerCase.Of("only the latest value counts", StudyDirection.Minimize, GoodHistory, [1, 9, 2], false),
        PrunerCase.OfFolds("latest value of the current fold inside, earlier fold ended outside", StudyDirection.Minimize, GoodHistory, [[1, 9], [1, 2]], false),
        PrunerCase.OfFolds("latest value of the current fold outside", StudyDirection.Minimize, GoodHistory, [[1, 2], [1, 7]], true),
    ];

    [Fact]
    public void Interval_steps_skip_off_grid_steps()
    {
        var pruner = new ThresholdPruner(upper: 1, intervalSteps: 3);
        PrunerCase onGrid = PrunerCase.Of("step 3", StudyDirection.Minimize, [], [0, 0, 0, 9], shouldPrune: true);
        PrunerCase offGrid = PrunerCase.Of("step 4", StudyDirection.Minimize, [], [0, 0, 0, 0, 9], shouldPrune: false);

        Assert.True(pruner.ShouldPrune(onGrid.Study, onGrid.Trial));
        Assert.False(pruner.ShouldPrune(offGrid.Study, offGrid.Trial));
    }

    [Fact]
    public void Rejects_bad_options_with_clear_messages()
    {
        Assert.Contains("lower bound, an upper bound", Assert.Throws<ArgumentException>(() => new ThresholdPruner()).Message, StringComparison.Ordinal);
        Assert.Contains("must not be greater", Assert.Throws<ArgumentException>(() => new ThresholdPruner(lower: 2, upper: 1)).Message, StringComparison.Ordinal);
        Assert.Equal("upper", Assert.Throws<ArgumentOutOfRangeException>(() => new ThresholdPruner(lower: 0, upper: double.NaN)).ParamName);
        Assert.Equal("nWarmupSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new ThresholdPruner(upper: 1, nWarmupSteps: -1)).ParamName);
        Assert.Equal("intervalSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new ThresholdPruner(upper: 1, intervalSteps: 0)).ParamName);
    }

    [Fact]
    public void Missing_bounds_are_infinite()
    {
        var pruner = new ThresholdPruner(upper: 3);
        Assert.Equal(double.NegativeInfinity, pruner.Lower);
        PrunerCase veryLow = PrunerCase.Of("very low", StudyDirection.Minimize, [], [-1e300], shouldPrune: false);
        Assert.False(pruner.ShouldPrune(veryLow.Study, veryLow.Trial));
    }
}
