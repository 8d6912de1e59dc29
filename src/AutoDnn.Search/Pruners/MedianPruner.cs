using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Pruners;

/// <summary>Prunes a trial whose best value so far is worse than the median of other trials at the same fold and step (Optuna's MedianPruner).</summary>
/// <remarks>A <see cref="PercentilePruner"/> at the 50th percentile; see it for the rules.</remarks>
public sealed class MedianPruner : IPruner
{
    private readonly PercentilePruner _inner;

    public MedianPruner(int nStartupTrials = 5, int nWarmupSteps = 0, int intervalSteps = 1, int nMinTrials = 1, bool includePrunedTrials = false)
    {
        _inner = new PercentilePruner(50, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials, includePrunedTrials);
    }

    public int NStartupTrials => _inner.NStartupTrials;

    public int NWarmupSteps => _inner.NWarmupSteps;

    public int IntervalSteps => _inner.IntervalSteps;

    public int NMinTrials => _inner.NMinTrials;

    /// <inheritdoc />
    public bool ShouldPrune(StudySnapshot study, FrozenTrial trial) => _inner.ShouldPrune(study, trial);
}
