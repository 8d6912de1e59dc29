using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Pruners;

/// <summary>A pruner that never prunes: every trial runs to the end.</summary>
public sealed class NopPruner : IPruner
{
    /// <inheritdoc />
    public bool ShouldPrune(StudySnapshot study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        return false;
    }
}
