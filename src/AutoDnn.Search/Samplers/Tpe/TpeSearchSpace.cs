using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers.Tpe;

/// <summary>
/// The relative search spaces of multivariate TPE, recomputed from the snapshot on every call (no per-study state):
/// the intersection of the distributions of all finished trials, or Optuna's group decomposition of them.
/// </summary>
internal static class TpeSearchSpace
{
    /// <summary>Parameters present, with equal distributions, in every complete or pruned trial; single-valued ones left out.</summary>
    public static SortedDictionary<string, Distribution> Intersection(StudySnapshot study)
    {
        SortedDictionary<string, Distribution>? space = null;
        foreach (FrozenTrial trial in study.Trials)
        {
            if (trial.State is not (TrialState.Complete or TrialState.Pruned))
            {
                continue;
            }

            if (space is null)
            {
                space = new SortedDictionary<string, Distribution>(trial.Distributions.ToDictionary(), StringComparer.Ordinal);
                continue;
            }

            foreach (string name in space.Keys.ToList())
            {
                if (!trial.Distributions.TryGetValue(name, out Distribution? d) || !d.Equals(space[name]))
                {
                    space.Remove(name);
                }
            }
        }

        space ??= new SortedDictionary<string, Distribution>(StringComparer.Ordinal);
        foreach (string name in space.Where(p => p.Value.IsSingle).Select(p => p.Key).ToList())
        {
            space.Remove(name);
        }

        return space;
    }

    /// <summary>
    /// Disjoint groups of parameters that always appear together in complete and pruned trials (Optuna's
    /// _SearchSpaceGroup): each trial's parameter set splits every existing group into the part it has and the part it lacks.
    /// </summary>
    public static List<SortedDictionary<string, Distribution>> Groups(StudySnapshot study)
    {
        var groups = new List<SortedDictionary<string, Distribution>>();
        foreach (FrozenTrial trial in study.Trials)
        {
            if (trial.State is not (TrialState.Complete or TrialState.Pruned))
            {
                continue;
            }

            var remaining = new HashSet<string>(trial.Distributions.Keys, StringComparer.Ordinal);
            var next = new List<SortedDictionary<string, Distribution>>();
            foreach (SortedDictionary<string, Distribution> group in groups)
            {
                next.Add(Subset(group, name => remaining.Contains(name)));
                next.Add(Subset(group, name => !remaining.Contains(name)));
                remaining.ExceptWith(group.Keys);
            }

            next.Add(new SortedDictionary<string, Distribution>(
                remaining.ToDictionary(name => name, name => trial.Distributions[name]), StringComparer.Ordinal));
            groups = next.Where(g => g.Count > 0).ToList();
        }

        return groups;
    }

    private static SortedDictionary<string, Distribution> Subset(SortedDictionary<string, Distribution> group, Func<string, bool> keep) =>
        new(group.Where(p => keep(p.Key)).ToDictionary(), StringComparer.Ordinal);
}
