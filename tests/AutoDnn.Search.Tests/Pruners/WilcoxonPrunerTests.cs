using AutoDnn.Search.Pruners;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Pruners;

public sealed class WilcoxonPrunerTests : PrunerConformanceTests
{
    /// <summary>The best trial's final value on each of its ten folds (average 1.0); every fold's curve is [2.0, final].</summary>
    private static readonly double[] BestFolds = [1.0, 0.9, 1.1, 1.0, 0.95, 1.05, 1.0, 1.0, 0.98, 1.02];

    private static FrozenTrial[] History(double sign = 1) =>
    [
        Curves.WithFolds(0, TrialState.Complete, sign * 1.0, [.. BestFolds.Select(b => new[] { sign * 2.0, sign * b })]),
        Curves.WithFolds(1, TrialState.Complete, sign * 3.0, [.. BestFolds.Select(_ => new[] { sign * 3.0, sign * 3.0 })]),
    ];

    /// <summary>Finished folds 0 … n-1 at the best trial's finals plus the given offsets.</summary>
    private static double[][] Folds(double sign, params double[] offsets) =>
        [.. offsets.Select((o, f) => new[] { sign * 2.5, sign * (BestFolds[f] + o) })];

    protected override IPruner CreatePruner() => new WilcoxonPruner(pThreshold: 0.1, nStartupSteps: 2);

    protected override IEnumerable<PrunerCase> KnownCases() =>
    [
        // Five positive differences: exact p = 1/32.
        PrunerCase.OfFolds("worse on five of five folds", StudyDirection.Minimize, History(), Folds(1, 0.5, 0.5, 0.5, 0.5, 0.5), true),
        // Two positive differences: p = 1/4.
        PrunerCase.OfFolds("worse on two of two folds (too few to be sure)", StudyDirection.Minimize, History(), Folds(1, 0.5, 0.5), false),
        PrunerCase.OfFolds("one fold is below nStartupSteps", StudyDirection.Minimize, History(), Folds(1, 5), false),
        PrunerCase.OfFolds("better on every fold", StudyDirection.Minimize, History(), Folds(1, -0.1, -0.1, -0.1, -0.1, -0.1), false),
        // Nine +0.01 and one larger negative difference: p = 47/1024 ≈ 0.046 either way; only the average differs.
        PrunerCase.OfFolds("significant but better on average than the best (kept, as Optuna)", StudyDirection.Minimize, History(),
            Folds(1, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, -1.0), false),
        PrunerCase.OfFolds("significant and worse on average", StudyDirection.Minimize, History(),
            Folds(1, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, -0.05), true),
        PrunerCase.OfFolds("a NaN fold value", StudyDirection.Minimize, History(), [.. Folds(1, 0.5, 0.5, 0.5, 0.5, 0.5), [double.NaN]], false),
        PrunerCase.OfFolds("maximizing, worse on five of five folds", StudyDirection.Maximize, History(-1), Folds(-1, 0.5, 0.5, 0.5, 0.5, 0.5), true),
        PrunerCase.OfFolds("maximizing, better on every fold", StudyDirection.Maximize, History(-1), Folds(-1, -0.1, -0.1, -0.1, -0.1, -0.1), false),
        // Fold 4 is at step 0 with 1.5: better than the best's 2.0 at step 0 (worse than its final 0.95). Paired at equal
        // steps the differences are four +0.5 and one −0.5: p = 6/32. Paired with the final it would be five positives.
        PrunerCase.OfFolds("the fold in progress is compared at the same step", StudyDirection.Minimize, History(),
            [.. Folds(1, 0.5, 0.5, 0.5, 0.5), [1.5]], false),
    ];

    [Fact]
    public void Steps_mode_pairs_steps_as_optuna_does()
    {
        // Optuna style: each step of fold 0 is one instance (e.g. one fold or one data set).
        FrozenTrial best = Curves.Complete(0, 1.0, BestFolds);
        FrozenTrial worse = Curves.Running(1, [.. BestFolds.Take(5).Select(b => b + 0.5)]);
        StudySnapshot study = Curves.Study(StudyDirection.Minimize, best, worse);

        Assert.True(new WilcoxonPruner(instances: WilcoxonInstances.Steps).ShouldPrune(study, worse));
        Assert.False(new WilcoxonPruner(instances: WilcoxonInstances.Folds).ShouldPrune(study, worse));
    }

    [Fact]
    public void No_completed_feasible_trial_means_no_pruning()
    {
        FrozenTrial[] history = [.. History().Select(t => t with { State = TrialState.Pruned })];
        PrunerCase c = PrunerCase.OfFolds("no best", StudyDirection.Minimize, history, Folds(1, 9, 9, 9, 9, 9), shouldPrune: false);
        Assert.False(CreatePruner().ShouldPrune(c.Study, c.Trial));
    }

    [Fact]
    public void Rejects_bad_options_naming_them()
    {
        Assert.Equal("pThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new WilcoxonPruner(pThreshold: 1.5)).ParamName);
        Assert.Equal("pThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new WilcoxonPruner(pThreshold: double.NaN)).ParamName);
        Assert.Equal("nStartupSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new WilcoxonPruner(nStartupSteps: -1)).ParamName);
        Assert.Equal("instances", Assert.Throws<ArgumentOutOfRangeException>(() => new WilcoxonPruner(instances: (WilcoxonInstances)7)).ParamName);
    }
}
