using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Pruners;

/// <summary>Decides from immutable snapshots whether a running trial should stop early (Optuna's one-method contract).</summary>
/// <remarks>
/// Intermediate values are keyed by (fold, step); a pruner decides how to combine folds. It must be thread-safe and
/// keep no state another worker would not see.
/// </remarks>
public interface IPruner
{
    /// <summary>True when <paramref name="trial"/> (Running, part of <paramref name="study"/>) should be pruned now.</summary>
    bool ShouldPrune(StudySnapshot study, FrozenTrial trial);
}
