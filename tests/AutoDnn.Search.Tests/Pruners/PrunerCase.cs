using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Pruners;

/// <summary>One hand-built situation and the answer a pruner must give in it.</summary>
public sealed record PrunerCase(string Name, StudySnapshot Study, FrozenTrial Trial, bool ShouldPrune)
{
    /// <summary>The trial under judgement, Running, with the given curve; it is added to the history.</summary>
    public static PrunerCase Of(string name, StudyDirection direction, FrozenTrial[] history, double[] curve, bool shouldPrune)
    {
        FrozenTrial trial = Curves.Running(history.Length, curve);
        return new PrunerCase(name, Curves.Study(direction, [.. history, trial]), trial, shouldPrune);
    }

    /// <summary>The trial under judgement, Running, with one curve per fold (it is in the last fold); it is added to the history.</summary>
    public static PrunerCase OfFolds(string name, StudyDirection direction, FrozenTrial[] history, double[][] foldCurves, bool shouldPrune)
    {
        FrozenTrial trial = Curves.WithFolds(history.Length, TrialState.Running, null, foldCurves);
        return new PrunerCase(name, Curves.Study(direction, [.. history, trial]), trial, shouldPrune);
    }

    /// <summary>The given Running trial under judgement (numbered after the history); it is added to the history.</summary>
    public static PrunerCase OfTrial(string name, StudyDirection direction, FrozenTrial[] history, FrozenTrial running, bool shouldPrune)
    {
        FrozenTrial trial = running with { Number = history.Length, TrialId = history.Length, State = TrialState.Running };
        return new PrunerCase(name, Curves.Study(direction, [.. history, trial]), trial, shouldPrune);
    }
}
