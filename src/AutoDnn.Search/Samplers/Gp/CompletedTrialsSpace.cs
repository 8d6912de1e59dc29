using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers.Gp;

/// <summary>The parameters every completed trial has, each with one identical, non-single distribution (Optuna's intersection space).</summary>
internal static class CompletedTrialsSpace
{
    public static IReadOnlyDictionary<string, Distribution> Of(IEnumerable<FrozenTrial> completed)
    {
        Dictionary<string, Distribution>? space = null;
        foreach (FrozenTrial trial in completed)
        {
            if (space is null)
            {
                space = trial.Distributions.Where(p => !p.Value.IsSingle).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                continue;
            }

            foreach (string name in space.Keys.ToList())
            {
                if (!trial.Distributions.TryGetValue(name, out Distribution? other) || !other.Equals(space[name]))
                {
                    space.Remove(name);
                }
            }
        }

        return space ?? new Dictionary<string, Distribution>(StringComparer.Ordinal);
    }

    /// <summary>Completed trials with finite values for every objective, ordered by number.</summary>
    public static List<FrozenTrial> Completed(StudySnapshot study) =>
        study.Trials.Where(t => t.State == TrialState.Complete && t.Values is { } v && v.Count == study.Directions.Count && v.All(double.IsFinite))
            .ToList();
}
