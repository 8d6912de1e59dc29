using System.Collections.Immutable;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Studies;

/// <summary>Pareto dominance over objective vectors, for multi-objective studies and samplers (NSGA-II).</summary>
public static class ParetoFront
{
    /// <summary>True when a is at least as good as b in every objective and strictly better in one.</summary>
    public static bool Dominates(IReadOnlyList<double> a, IReadOnlyList<double> b, IReadOnlyList<StudyDirection> directions)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(directions);
        if (a.Count != directions.Count || b.Count != directions.Count)
        {
            throw new ArgumentException($"Objective vectors must have {directions.Count} values, got {a.Count} and {b.Count}.");
        }

        bool strictlyBetter = false;
        for (int i = 0; i < directions.Count; i++)
        {
            double x = directions[i] == StudyDirection.Minimize ? a[i] : -a[i];
            double y = directions[i] == StudyDirection.Minimize ? b[i] : -b[i];
            if (x > y)
            {
                return false;
            }

            strictlyBetter |= x < y;
        }

        return strictlyBetter;
    }

    /// <summary>The trials (with values) that no other given trial dominates, ordered by number; ties are all kept.</summary>
    public static IReadOnlyList<FrozenTrial> Of(IEnumerable<FrozenTrial> trials, IReadOnlyList<StudyDirection> directions)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var candidates = trials.Where(t => t.Values is not null).OrderBy(t => t.Number).ToList();
        return candidates
            .Where(t => !candidates.Any(other => Dominates(other.Values!, t.Values!, directions)))
            .ToImmutableArray();
    }
}
