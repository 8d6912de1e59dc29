using AutoDnn.Search.Pruners;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Studies;

/// <summary>How to create or load a study; validated once by <see cref="Study.Create"/>.</summary>
public sealed class StudyOptions
{
    /// <summary>Study name, unique in its storage; a fresh one is generated when null.</summary>
    public string? Name { get; init; }

    /// <summary>One direction per objective; more than one makes a multi-objective study.</summary>
    public IReadOnlyList<StudyDirection> Directions { get; init; } = [StudyDirection.Minimize];

    /// <summary>Defaults to a fresh <see cref="InMemoryStudyStorage"/>.</summary>
    public IStudyStorage? Storage { get; init; }

    /// <summary>Defaults to an unseeded <see cref="RandomSampler"/>.</summary>
    public ISampler? Sampler { get; init; }

    /// <summary>Defaults to <see cref="NopPruner"/>.</summary>
    public IPruner? Pruner { get; init; }

    /// <summary>
    /// Evaluated on Tell for Complete and Pruned trials (the snapshot carries the values being told); a trial is
    /// feasible when all returned values are ≤ 0.
    /// </summary>
    public Func<FrozenTrial, IReadOnlyList<double>>? Constraints { get; init; }

    /// <summary>When a study of that name exists: load it (true) or throw <see cref="DuplicateStudyException"/> (false).</summary>
    public bool LoadIfExists { get; init; }
}
