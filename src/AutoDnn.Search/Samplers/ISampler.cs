using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers;

/// <summary>Proposes parameter values from the study's history (Optuna's three-method sampler contract).</summary>
/// <remarks>
/// All values are internal representations (see <see cref="Distribution"/>). A sampler sees only immutable snapshots
/// and keeps no state another worker would not see, except a seeded random generator; it must be thread-safe because
/// one study may be asked from many threads. Relative sampling runs once per trial when it is asked for; independent
/// sampling runs for every suggested parameter that relative sampling did not cover.
/// </remarks>
public interface ISampler
{
    /// <summary>The parameters to sample jointly for <paramref name="trial"/> (empty for purely independent samplers).</summary>
    IReadOnlyDictionary<string, Distribution> InferRelativeSearchSpace(StudySnapshot study, FrozenTrial trial);

    /// <summary>Joint proposal for (a subset of) the relative search space; every value must lie in its distribution.</summary>
    IReadOnlyDictionary<string, double> SampleRelative(
        StudySnapshot study,
        FrozenTrial trial,
        IReadOnlyDictionary<string, Distribution> searchSpace);

    /// <summary>A value for one parameter; must lie in <paramref name="distribution"/>.</summary>
    double SampleIndependent(StudySnapshot study, FrozenTrial trial, string name, Distribution distribution);
}
