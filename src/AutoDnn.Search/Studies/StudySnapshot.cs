using System.Collections.Immutable;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Studies;

/// <summary>An immutable view of a study at one moment: its directions and every trial, ordered by number.</summary>
public sealed record StudySnapshot
{
    public StudySnapshot(long studyId, string name, IReadOnlyList<StudyDirection> directions, IReadOnlyList<FrozenTrial> trials)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(directions);
        ArgumentNullException.ThrowIfNull(trials);
        if (directions.Count == 0)
        {
            throw new ArgumentException("A study needs at least one direction.", nameof(directions));
        }

        StudyId = studyId;
        Name = name;
        Directions = [.. directions];
        Trials = [.. trials.OrderBy(t => t.Number)];
    }

    public long StudyId { get; }

    public string Name { get; }

    public IReadOnlyList<StudyDirection> Directions { get; }

    /// <summary>All trials in every state, including the one being sampled or pruned.</summary>
    public IReadOnlyList<FrozenTrial> Trials { get; }

    public bool IsMultiObjective => Directions.Count > 1;

    /// <summary>The single direction; throws for multi-objective studies.</summary>
    public StudyDirection Direction => IsMultiObjective
        ? throw new InvalidOperationException($"Study '{Name}' has {Directions.Count} objectives; use Directions.")
        : Directions[0];

    /// <summary>The trials in any of the given states, ordered by number.</summary>
    public IReadOnlyList<FrozenTrial> GetTrials(params ReadOnlySpan<TrialState> states)
    {
        var wanted = states.ToArray();
        return Trials.Where(t => wanted.Contains(t.State)).ToImmutableArray();
    }
}
