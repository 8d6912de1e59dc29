using AutoDnn.Search.Pruners;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Pruners;

public sealed class MedianPrunerTests : PrunerConformanceTests
{
    /// <summary>Six completed two-fold trials: fold 0 runs 10, 5, 3 and fold 1 runs 30, 20, 15 (plus 0.01 per trial).</summary>
    private static FrozenTrial[] TwoFoldHistory { get; } =
        [.. Enumerable.Range(0, 6).Select(i => Curves.WithFolds(i, TrialState.Complete, 9, [10 + (i * 0.01), 5 + (i * 0.01), 3 + (i * 0.01)], [30 + (i * 0.01), 20 + (i * 0.01), 15 + (i * 0.01)]))];

    protected override IPruner CreatePruner() => new MedianPruner(nStartupTrials: 5, nWarmupSteps: 1, intervalSteps: 1, nMinTrials: 3);

    protected override IEnumerable<PrunerCase> KnownCases()
    {
        // GoodHistory's median at step s is 10 / (s + 1) + 0.045.
        FrozenTrial[] maximizing = [.. GoodHistory.Select(Curves.Negated)];
        FrozenTrial[] twoReachStep5 =
        [
            .. GoodHistory.Take(5).Select(t => Curves.Complete(t.Number, 1, 10, 5, 3)),
            Curves.Complete(5, 1, 10, 5, 3, 2.5, 2, 1.5),
            Curves.Complete(6, 1, 10, 5, 3, 2.5, 2, 1.5),
        ];
        FrozenTrial[] threeReachStep5 = [.. twoReachStep5, Curves.Complete(7, 1, 10, 5, 3, 2.5, 2, 1.5)];
        return
        [
            PrunerCase.Of("best so far above the median at step 2", StudyDirection.Minimize, GoodHistory, [10, 5, 4], true),
            PrunerCase.Of("best so far below the median at step 2", StudyDirection.Minimize, GoodHistory, [10, 5, 3.3], false),
            PrunerCase.Of("an earlier step's value is the best so far", StudyDirection.Minimize, GoodHistory, [10, 1, 4], false),
            PrunerCase.Of("far worse during the warm-up step", StudyDirection.Minimize, GoodHistory, [100], false),
            PrunerCase.Of("far worse right after the warm-up", StudyDirection.Minimize, GoodHistory, [100, 100], true),
            PrunerCase.Of("only four trials completed (startup is five)", StudyDirection.Minimize, GoodHistory[..4], [100, 100], false),
            PrunerCase.Of("five trials completed", StudyDirection.Minimize, GoodHistory[..5], [100, 100], true),
            PrunerCase.Of("every value NaN", StudyDirection.Minimize, GoodHistory, [double.NaN, double.NaN], true),
            PrunerCase.Of("only two trials reached step 5 (nMinTrials is three)", StudyDirection.Minimize, twoReachStep5, [10, 9, 9, 9, 9, 9], false),
            PrunerCase.Of("three trials reached step 5", StudyDirection.Minimize, threeReachStep5, [10, 9, 9, 9, 9, 9], true),
            PrunerCase.Of("maximizing, below the median", StudyDirection.Maximize, maximizing, [-10, -5, -4], true),
            PrunerCase.Of("maximizing, above the median", StudyDirection.Maximize, maximizing, [-10, -5, -3.3], false),
            PrunerCase.OfFolds("fold 1 judged against fold-1 curves: worse than their median", StudyDirection.Minimize, TwoFoldHistory, [[10, 5, 3], [30, 25]], true),
            PrunerCase.OfFolds("fold 1 judged against fold-1 curves: better than their median (fold 0's would prune)", StudyDirection.Minimize, TwoFoldHistory, [[10, 5, 3], [30, 19]], false),
        ];
    }

    [Theory]
    [InlineData(-1, 0, 1, 1, "nStartupTrials")]
    [InlineData(5, -1, 1, 1, "nWarmupSteps")]
    [InlineData(5, 0, 0, 1, "intervalSteps")]
    [InlineData(5, 0, 1, 0, "nMinTrials")]
    public void Rejects_bad_options_naming_them(int startup, int warmup, int interval, int minTrials, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MedianPruner(startup, warmup, interval, minTrials));
        Assert.Equal(name, e.ParamName);
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pruned_trials_count_only_when_asked()
    {
        // Five good completed trials and ten pruned ones that were terrible at step 1.
        FrozenTrial[] history =
        [
            .. GoodHistory.Take(5),
            .. Enumerable.Range(5, 10).Select(i => Curves.Pruned(i, 100, 100)),
        ];
        PrunerCase c = PrunerCase.Of("between the completed and the pruned", StudyDirection.Minimize, history, [50, 50], shouldPrune: true);

        Assert.True(new MedianPruner().ShouldPrune(c.Study, c.Trial));
        Assert.False(new MedianPruner(includePrunedTrials: true).ShouldPrune(c.Study, c.Trial));
    }
}
