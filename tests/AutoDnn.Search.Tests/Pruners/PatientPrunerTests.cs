using AutoDnn.Search.Pruners;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Pruners;

public sealed class PatientPrunerTests : PrunerConformanceTests
{
    // patience 2: the best of the last three steps must beat the best before them by more than 0.1.
    protected override IPruner CreatePruner() => new PatientPruner(wrappedPruner: null, patience: 2, minDelta: 0.1);

    protected override IEnumerable<PrunerCase> KnownCases() =>
    [
        PrunerCase.Of("improved by only 0.09 in the last three steps", StudyDirection.Minimize, GoodHistory, [5, 4, 3.95, 3.92, 3.91], true),
        PrunerCase.Of("improved by 0.15", StudyDirection.Minimize, GoodHistory, [5, 4, 3.95, 3.92, 3.85], false),
        PrunerCase.Of("flat but only three steps (patience + 1)", StudyDirection.Minimize, GoodHistory, [5, 5, 5], false),
        PrunerCase.Of("flat for four steps", StudyDirection.Minimize, GoodHistory, [5, 5, 5, 5], true),
        PrunerCase.Of("maximizing, improved by 0.09", StudyDirection.Maximize, GoodHistory, [-5, -4, -3.95, -3.92, -3.91], true),
        PrunerCase.Of("maximizing, improved by 0.15", StudyDirection.Maximize, GoodHistory, [-5, -4, -3.95, -3.92, -3.85], false),
        PrunerCase.Of("all recent values NaN", StudyDirection.Minimize, GoodHistory, [5, 4, double.NaN, double.NaN, double.NaN], false),
        PrunerCase.OfFolds("fold 1 just started: its own curve is short", StudyDirection.Minimize, GoodHistory, [[5, 5, 5, 5, 5], [5, 5]], false),
    ];

    [Fact]
    public void A_wrapped_pruner_decides_only_once_patience_ran_out()
    {
        var spy = new CountingPruner(answer: true);
        var pruner = new PatientPruner(spy, patience: 1);
        PrunerCase improving = PrunerCase.Of("improving", StudyDirection.Minimize, GoodHistory, [5, 4, 3], shouldPrune: false);
        PrunerCase stalled = PrunerCase.Of("stalled", StudyDirection.Minimize, GoodHistory, [3, 4, 5], shouldPrune: true);

        Assert.False(pruner.ShouldPrune(improving.Study, improving.Trial));
        Assert.Equal(0, spy.Calls);
        Assert.True(pruner.ShouldPrune(stalled.Study, stalled.Trial));
        Assert.Equal(1, spy.Calls);
        Assert.False(new PatientPruner(new NopPruner(), patience: 1).ShouldPrune(stalled.Study, stalled.Trial));
    }

    [Fact]
    public void Rejects_bad_options_naming_them()
    {
        Assert.Equal("patience", Assert.Throws<ArgumentOutOfRangeException>(() => new PatientPruner(null, -1)).ParamName);
        Assert.Equal("minDelta", Assert.Throws<ArgumentOutOfRangeException>(() => new PatientPruner(null, 1, -0.5)).ParamName);
        Assert.Equal("minDelta", Assert.Throws<ArgumentOutOfRangeException>(() => new PatientPruner(null, 1, double.NaN)).ParamName);
    }

    private sealed class CountingPruner(bool answer) : IPruner
    {
        public int Calls { get; private set; }

        public bool ShouldPrune(StudySnapshot study, FrozenTrial trial)
        {
            Calls++;
            return answer;
        }
    }
}
