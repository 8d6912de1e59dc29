using AutoDnn.Search.Pruners;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Pruners;

public sealed class SuccessiveHalvingPrunerTests : PrunerConformanceTests
{
    // Rungs at steps 1, 2, 4, 8. GoodHistory's rung values at step s are 10/(s+1) + 0.00 … 0.09; with this trial the
    // rung holds 11 values, so a trial goes on when it is among the 11 / 2 = 5 best (≤ the 5th smallest value).
    protected override IPruner CreatePruner() => new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 2);

    protected override IEnumerable<PrunerCase> KnownCases()
    {
        FrozenTrial[] maximizing = [.. GoodHistory.Select(Curves.Negated)];
        FrozenTrial[] twoFold = [.. GoodHistory.Select(t => Curves.WithFolds(t.Number, TrialState.Complete, 1, [.. t.Curve(0).Select(p => p.Value)], [.. t.Curve(0).Select(p => p.Value * 10)]))];
        return
        [
            PrunerCase.Of("before the first rung", StudyDirection.Minimize, GoodHistory, [100], false),
            PrunerCase.Of("at rung 0, outside the top half", StudyDirection.Minimize, GoodHistory, [10, 5.045], true),
            PrunerCase.Of("at rung 0, inside the top half", StudyDirection.Minimize, GoodHistory, [10, 5.035], false),
            PrunerCase.Of("rung 0 was judged at step 1; step 2 judges rung 1 only", StudyDirection.Minimize, GoodHistory, [10, 100, 3.3], false),
            PrunerCase.Of("step 3 is between rungs", StudyDirection.Minimize, GoodHistory, [10, 5, 3.3, 100], false),
            PrunerCase.Of("rung 1 at step 2, worst", StudyDirection.Minimize, GoodHistory, [10, 5, 100], true),
            PrunerCase.OfTrial("one jump to step 4 judges rungs 0, 1, 2 with one value: fails rung 2", StudyDirection.Minimize, GoodHistory,
                Curves.Points(0, TrialState.Running, null, (0, 10), (4, 2.045)), true),
            PrunerCase.OfTrial("one jump to step 4 passing every rung", StudyDirection.Minimize, GoodHistory,
                Curves.Points(0, TrialState.Running, null, (0, 10), (4, 2.025)), false),
            PrunerCase.Of("NaN at a rung", StudyDirection.Minimize, GoodHistory, [10, double.NaN], true),
            PrunerCase.Of("maximizing, outside the top half", StudyDirection.Maximize, maximizing, [-10, -5.045], true),
            PrunerCase.Of("maximizing, inside the top half", StudyDirection.Maximize, maximizing, [-10, -5.035], false),
            PrunerCase.OfFolds("fold 1 rung values are fold 1's (×10): inside its top half", StudyDirection.Minimize, twoFold, [[10, 5, 3], [100, 50.35]], false),
            PrunerCase.OfFolds("fold 1, outside its top half", StudyDirection.Minimize, twoFold, [[10, 5, 3], [100, 50.45]], true),
        ];
    }

    [Fact]
    public void The_first_trials_at_a_rung_go_on_only_when_best_so_far()
    {
        // Two values at the rung (< reductionFactor): Optuna cannot pause trials, so only the best goes on.
        FrozenTrial[] history = [Curves.Complete(0, 1, 10, 5, 4)];
        var pruner = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3);
        PrunerCase better = PrunerCase.Of("better", StudyDirection.Minimize, history, [10, 4.9], shouldPrune: false);
        PrunerCase worse = PrunerCase.Of("worse", StudyDirection.Minimize, history, [10, 5.1], shouldPrune: true);

        Assert.False(pruner.ShouldPrune(better.Study, better.Trial));
        Assert.True(pruner.ShouldPrune(worse.Study, worse.Trial));
    }

    [Fact]
    public void Bootstrap_count_prunes_until_enough_trials_reached_the_rung()
    {
        FrozenTrial[] one = [Curves.Complete(0, 1, 10, 5, 4)];
        FrozenTrial[] two = [.. one, Curves.Complete(1, 1, 10, 6, 4)];
        var pruner = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 2, bootstrapCount: 2);
        PrunerCase alone = PrunerCase.Of("best, but only two at the rung", StudyDirection.Minimize, one, [10, 1], shouldPrune: true);
        PrunerCase enough = PrunerCase.Of("best, three at the rung", StudyDirection.Minimize, two, [10, 1], shouldPrune: false);

        Assert.True(pruner.ShouldPrune(alone.Study, alone.Trial));
        Assert.False(pruner.ShouldPrune(enough.Study, enough.Trial));
    }

    [Fact]
    public void Auto_min_resource_comes_from_the_first_completed_trial()
    {
        // First completed trial stopped at step 399: minResource = 399 / 100 = 3, so rung 0 is at step 3.
        double[] long399 = [.. Enumerable.Range(0, 400).Select(s => 1.0)];
        var pruner = new SuccessiveHalvingPruner(reductionFactor: 2);
        PrunerCase noneCompleted = PrunerCase.Of("no completed trial", StudyDirection.Minimize, [Curves.Running(0, long399)], [9, 9, 9, 9], shouldPrune: false);
        PrunerCase beforeRung = PrunerCase.Of("step 2", StudyDirection.Minimize, [Curves.Complete(0, 1, long399)], [9, 9, 9], shouldPrune: false);
        PrunerCase atRung = PrunerCase.Of("step 3", StudyDirection.Minimize, [Curves.Complete(0, 1, long399)], [9, 9, 9, 9], shouldPrune: true);

        Assert.False(pruner.ShouldPrune(noneCompleted.Study, noneCompleted.Trial));
        Assert.False(pruner.ShouldPrune(beforeRung.Study, beforeRung.Trial));
        Assert.True(pruner.ShouldPrune(atRung.Study, atRung.Trial));
    }

    [Fact]
    public void Rejects_bad_options_naming_them()
    {
        Assert.Equal("minResource", Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(minResource: 0)).ParamName);
        Assert.Equal("reductionFactor", Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(reductionFactor: 1)).ParamName);
        Assert.Equal("minEarlyStoppingRate", Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(minEarlyStoppingRate: -1)).ParamName);
        Assert.Equal("bootstrapCount", Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(minResource: 1, bootstrapCount: -1)).ParamName);
        Assert.Contains("auto", Assert.Throws<ArgumentException>(() => new SuccessiveHalvingPruner(bootstrapCount: 1)).Message, StringComparison.Ordinal);
    }
}
