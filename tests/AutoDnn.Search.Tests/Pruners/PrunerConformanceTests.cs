using AutoDnn.Search.Pruners;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Pruners;

/// <summary>The contract every pruner passes: subclass it, build the pruner, and list hand-built cases with known answers.</summary>
public abstract class PrunerConformanceTests
{
    /// <summary>A history of ten finished trials whose curves descend from 10 to about 1 (minimizing).</summary>
    protected static FrozenTrial[] GoodHistory { get; } =
        [.. Enumerable.Range(0, 10).Select(i => Curves.Complete(i, 1.0 + (i * 0.01), [.. Enumerable.Range(0, 10).Select(s => (10.0 / (s + 1)) + (i * 0.01))]))];

    protected abstract IPruner CreatePruner();

    /// <summary>Situations whose right answer is known for this pruner (include cases on both sides of its rule).</summary>
    protected abstract IEnumerable<PrunerCase> KnownCases();

    [Fact]
    public void Known_cases_get_their_answer()
    {
        IPruner pruner = CreatePruner();
        var cases = KnownCases().ToList();
        Assert.NotEmpty(cases);
        foreach (PrunerCase c in cases)
        {
            Assert.True(pruner.ShouldPrune(c.Study, c.Trial) == c.ShouldPrune, $"Case '{c.Name}': expected ShouldPrune = {c.ShouldPrune}.");
        }
    }

    [Theory]
    [InlineData(StudyDirection.Minimize)]
    [InlineData(StudyDirection.Maximize)]
    public void A_trial_that_reported_nothing_is_not_pruned(StudyDirection direction)
    {
        PrunerCase c = PrunerCase.Of("no reports", direction, GoodHistory, [], shouldPrune: false);
        Assert.False(CreatePruner().ShouldPrune(c.Study, c.Trial));
    }

    [Fact]
    public void Tolerates_every_state_and_many_folds_and_answers_the_same_twice()
    {
        FrozenTrial[] history =
        [
            Curves.Trial(0, TrialState.Waiting, null),
            Curves.Trial(1, TrialState.Fail, null, 5, 4),
            Curves.Pruned(2, 9, 9, 9),
            Curves.Running(3, 3, 2, 1),
            Curves.WithFolds(4, TrialState.Complete, 1.5, [4, 2, 1], [5, 3, 2], [4, 2, 1.5]),
            Curves.Complete(5, 1.0, 3, double.NaN, 1),
        ];
        FrozenTrial trial = Curves.WithFolds(6, TrialState.Running, null, [4, 3], [5]);
        StudySnapshot study = Curves.Study(StudyDirection.Minimize, [.. history, trial]);
        IPruner pruner = CreatePruner();

        Assert.Equal(pruner.ShouldPrune(study, trial), pruner.ShouldPrune(study, trial));
    }

    [Fact]
    public void Does_not_throw_on_an_empty_history()
    {
        PrunerCase c = PrunerCase.Of("alone", StudyDirection.Minimize, [], [1, 2, 3], shouldPrune: false);
        bool first = CreatePruner().ShouldPrune(c.Study, c.Trial);
        Assert.Equal(first, CreatePruner().ShouldPrune(c.Study, c.Trial));
    }
}
