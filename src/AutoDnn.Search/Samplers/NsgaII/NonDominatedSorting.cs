using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers.NsgaII;

/// <summary>Fast non-dominated sorting into fronts, crowding distance, and NSGA-II's elitist selection of a population.</summary>
internal static class NonDominatedSorting
{
    /// <summary>Fronts under constrained dominance, best first; each front ordered by trial number.</summary>
    public static List<List<FrozenTrial>> Fronts(IReadOnlyList<FrozenTrial> trials, IReadOnlyList<StudyDirection> directions)
    {
        int n = trials.Count;
        var dominated = new List<int>[n];
        var dominatorCount = new int[n];
        for (int i = 0; i < n; i++)
        {
            dominated[i] = [];
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (ConstrainedDominance.Dominates(trials[i], trials[j], directions))
                {
                    dominated[i].Add(j);
                    dominatorCount[j]++;
                }
                else if (ConstrainedDominance.Dominates(trials[j], trials[i], directions))
                {
                    dominated[j].Add(i);
                    dominatorCount[i]++;
                }
            }
        }

        var fronts = new List<List<FrozenTrial>>();
        var current = Enumerable.Range(0, n).Where(i => dominatorCount[i] == 0).ToList();
        while (current.Count > 0)
        {
            fronts.Add(current.Select(i => trials[i]).OrderBy(t => t.Number).ToList());
            var next = new List<int>();
            foreach (int i in current)
            {
                foreach (int j in dominated[i])
                {
                    if (--dominatorCount[j] == 0)
                    {
                        next.Add(j);
                    }
                }
            }

            current = next;
        }

        return fronts;
    }

    /// <summary>Crowding distance of each trial of a front (boundary trials get +∞), by trial number.</summary>
    public static Dictionary<int, double> CrowdingDistance(IReadOnlyList<FrozenTrial> front, int objectives)
    {
        var distance = front.ToDictionary(t => t.Number, _ => 0.0);
        if (front.Count <= 2)
        {
            foreach (FrozenTrial t in front)
            {
                distance[t.Number] = double.PositiveInfinity;
            }

            return distance;
        }

        for (int k = 0; k < objectives; k++)
        {
            var sorted = front.OrderBy(t => t.Values![k]).ThenBy(t => t.Number).ToList();
            double range = sorted[^1].Values![k] - sorted[0].Values![k];
            distance[sorted[0].Number] = double.PositiveInfinity;
            distance[sorted[^1].Number] = double.PositiveInfinity;
            if (!(range > 0))
            {
                continue;
            }

            for (int i = 1; i < sorted.Count - 1; i++)
            {
                distance[sorted[i].Number] += (sorted[i + 1].Values![k] - sorted[i - 1].Values![k]) / range;
            }
        }

        return distance;
    }

    /// <summary>
    /// The best <paramref name="size"/> trials: whole fronts in order, the last one cut by descending crowding distance;
    /// returns each selected trial's rank (front index) and crowding distance.
    /// </summary>
    public static List<(FrozenTrial Trial, int Rank, double Crowding)> SelectElite(
        IReadOnlyList<FrozenTrial> trials, IReadOnlyList<StudyDirection> directions, int size)
    {
        var elite = new List<(FrozenTrial, int, double)>(size);
        List<List<FrozenTrial>> fronts = Fronts(trials, directions);
        for (int rank = 0; rank < fronts.Count && elite.Count < size; rank++)
        {
            Dictionary<int, double> crowding = CrowdingDistance(fronts[rank], directions.Count);
            IEnumerable<FrozenTrial> members = fronts[rank];
            if (elite.Count + fronts[rank].Count > size)
            {
                members = fronts[rank].OrderByDescending(t => crowding[t.Number]).ThenBy(t => t.Number).Take(size - elite.Count);
            }

            elite.AddRange(members.Select(t => (t, rank, crowding[t.Number])));
        }

        return elite;
    }
}
