using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers.Gp;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers;

/// <summary>Makes a sampler's randomness a function of (seed, trial number) rather than of the order of its calls: the
/// inner sampler is created afresh for each trial, seeded from <c>seed</c> and the trial's number. Workers in several
/// processes that share a study each build their own sampler from the same seed; without this, a sampler that draws
/// from one sequential generator (random, TPE) hands every worker the same sequence, so concurrent trials duplicate each
/// other's parameters. With it, trial N gets the same suggestions (given the same history) whichever worker runs it.</summary>
public sealed class PerTrialSeededSampler : ISampler, IExhaustibleSampler
{
    private readonly Func<int, ISampler> _create;
    private readonly int _seed;
    private readonly object _gate = new();
    private ISampler? _current;
    private int _currentNumber = -1;

    /// <param name="seed">The campaign's sampler seed.</param>
    /// <param name="create">Creates the inner sampler from a per-trial seed.</param>
    public PerTrialSeededSampler(int seed, Func<int, ISampler> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _seed = seed;
        _create = create;
    }

    /// <summary>The seed the inner sampler of trial <paramref name="trialNumber"/> is created with.</summary>
    public int SeedFor(int trialNumber) => SeedMixer.Mix(_seed, trialNumber, 0x5EED);

    /// <summary>A new inner sampler as trial <paramref name="trialNumber"/> gets it (for inspection and tests).</summary>
    public ISampler CreateFor(int trialNumber) => _create(SeedFor(trialNumber));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Distribution> InferRelativeSearchSpace(StudySnapshot study, FrozenTrial trial) =>
        For(trial).InferRelativeSearchSpace(study, trial);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> SampleRelative(
        StudySnapshot study, FrozenTrial trial, IReadOnlyDictionary<string, Distribution> searchSpace) =>
        For(trial).SampleRelative(study, trial, searchSpace);

    /// <inheritdoc />
    public double SampleIndependent(StudySnapshot study, FrozenTrial trial, string name, Distribution distribution) =>
        For(trial).SampleIndependent(study, trial, name, distribution);

    /// <inheritdoc />
    public bool IsExhausted(StudySnapshot study)
    {
        ISampler probe;
        lock (_gate)
        {
            probe = _current ?? _create(_seed);
        }

        return probe is IExhaustibleSampler exhaustible && exhaustible.IsExhausted(study);
    }

    private ISampler For(FrozenTrial trial)
    {
        lock (_gate)
        {
            if (_current is null || _currentNumber != trial.Number)
            {
                _current = _create(SeedFor(trial.Number));
                _currentNumber = trial.Number;
            }

            return _current;
        }
    }
}
