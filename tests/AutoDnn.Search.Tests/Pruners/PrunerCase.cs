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
}
