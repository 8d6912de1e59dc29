namespace AutoDnn.Search.Samplers.Tpe;

/// <summary>
/// Splits observations into the "good" (below) and "bad" (above) sets as Optuna 3.1 does: feasibility first, then the
/// (step key, loss) order for one objective, or non-domination rank and greedy hypervolume subset selection for several.
/// </summary>
internal static class TpeSplitter
{
    private const double Epsilon = 1e-12;

    /// <summary>Indices of the nBelow best and of the rest, each ascending (chronological).</summary>
    public static (int[] Below, int[] Above) Split(IReadOnlyList<TpeObservation> observations, int nBelow, bool useViolations)
    {
        int count = observations.Count;
        nBelow = Math.Clamp(nBelow, 0, count);
        int[] all = Enumerable.Range(0, count).ToArray();
        if (useViolations)
        {
            int[] byViolation = all.OrderBy(i => observations[i].Violation).ToArray();
            if (nBelow >= count || observations[byViolation[nBelow]].Violation > 0)
            {
                return (Sorted(byViolation[..nBelow]), Sorted(byViolation[nBelow..]));
            }

            int[] feasible = all.Where(i => observations[i].Violation == 0).ToArray();
            int[] infeasible = all.Where(i => observations[i].Violation > 0).ToArray();
            (int[] below, int[] above) = Split(feasible.Select(i => observations[i]).ToList(), nBelow, false);
            return (Sorted(below.Select(i => feasible[i])), Sorted(above.Select(i => feasible[i]).Concat(infeasible)));
        }

        if (count == 0 || observations[0].Losses.Length <= 1)
        {
            int[] order = all.OrderBy(i => observations[i].StepKey).ThenBy(i => observations[i].Losses[0]).ToArray();
            return (Sorted(order[..nBelow]), Sorted(order[nBelow..]));
        }

        int[] chosen = SelectMultiObjective(observations.Select(o => o.Losses).ToList(), nBelow);
        var chosenSet = chosen.ToHashSet();
        return (Sorted(chosen), all.Where(i => !chosenSet.Contains(i)).ToArray());
    }

    /// <summary>Weights of the below set for multi-objective TPE: normalized hypervolume contributions; ε for infeasible trials.</summary>
    public static double[] MultiObjectiveWeights(IReadOnlyList<TpeObservation> observations, int[] below, bool useViolations)
    {
        var weights = Enumerable.Repeat(Epsilon, below.Length).ToArray();
        int[] feasible = Enumerable.Range(0, below.Length)
            .Where(j => !useViolations || observations[below[j]].Violation == 0).ToArray();
        if (feasible.Length == 1)
        {
            weights[feasible[0]] = 1.0;
        }
        else if (feasible.Length > 1)
        {
            var losses = feasible.Select(j => observations[below[j]].Losses).ToList();
            double[] reference = ReferencePoint(losses);
            double total = Hypervolume.Compute(losses, reference);
            var contributions = new double[losses.Count];
            for (int j = 0; j < losses.Count; j++)
            {
                var others = losses.Where((_, k) => k != j).ToList();
                contributions[j] = total - Hypervolume.Compute(others, reference) + Epsilon;
            }

            double max = contributions.Max();
            for (int j = 0; j < feasible.Length; j++)
            {
                weights[feasible[j]] = Math.Clamp(contributions[j] / max, 0, 1);
            }
        }

        return weights;
    }

    /// <summary>Non-domination rank of each point (0 = Pareto front); minimization.</summary>
    public static int[] NonDominationRanks(IReadOnlyList<double[]> losses)
    {
        int n = losses.Count;
        var ranks = Enumerable.Repeat(-1, n).ToArray();
        int unranked = n;
        for (int rank = 0; unranked > 0; rank++)
        {
            var front = new List<int>();
            for (int i = 0; i < n; i++)
            {
                if (ranks[i] != -1)
                {
                    continue;
                }

                bool dominated = false;
                for (int j = 0; j < n && !dominated; j++)
                {
                    dominated = ranks[j] == -1 && j != i && Dominates(losses[j], losses[i]);
                }

                if (!dominated)
                {
                    front.Add(i);
                }
            }

            foreach (int i in front)
            {
                ranks[i] = rank;
            }

            unranked -= front.Count;
        }

        return ranks;
    }

    private static int[] SelectMultiObjective(IReadOnlyList<double[]> losses, int nBelow)
    {
        int[] ranks = NonDominationRanks(losses);
        var selected = new List<int>(nBelow);
        int rank = 0;
        while (true)
        {
            int[] front = Enumerable.Range(0, losses.Count).Where(i => ranks[i] == rank).ToArray();
            if (front.Length == 0 || selected.Count + front.Length > nBelow)
            {
                int subset = nBelow - selected.Count;
                if (subset > 0)
                {
                    selected.AddRange(GreedyHypervolumeSubset(front.Select(i => losses[i]).ToList(), front, subset));
                }

                return [.. selected];
            }

            selected.AddRange(front);
            rank++;
        }
    }

    // Optuna's _solve_hssp: greedily add the point with the largest remaining hypervolume contribution.
    private static IEnumerable<int> GreedyHypervolumeSubset(List<double[]> front, int[] indices, int subsetSize)
    {
        double[] reference = ReferencePoint(front);
        var contributions = front.Select(p => Hypervolume.Compute([p], reference)).ToArray();
        var chosenVectors = new List<double[]>();
        var chosen = new List<int>();
        double chosenVolume = 0;
        while (chosen.Count < subsetSize)
        {
            int best = Array.IndexOf(contributions, contributions.Max());
            contributions[best] = -1;
            double[] vector = front[best];
            for (int j = 0; j < front.Count; j++)
            {
                if (contributions[j] == -1)
                {
                    continue;
                }

                double[] joined = vector.Zip(front[j], Math.Max).ToArray();
                contributions[j] -= Hypervolume.Compute([.. chosenVectors, joined], reference) - chosenVolume;
            }

            chosenVectors.Add(vector);
            chosen.Add(indices[best]);
            chosenVolume = Hypervolume.Compute(chosenVectors, reference);
        }

        return chosen;
    }

    private static double[] ReferencePoint(IReadOnlyList<double[]> losses)
    {
        int d = losses[0].Length;
        var reference = new double[d];
        for (int k = 0; k < d; k++)
        {
            double worst = losses.Max(l => l[k]);
            reference[k] = Math.Max(1.1 * worst, 0.9 * worst);
            if (reference[k] == 0)
            {
                reference[k] = Epsilon;
            }
        }

        return reference;
    }

    // a dominates b: no worse in every objective and better in one.
    private static bool Dominates(double[] a, double[] b)
    {
        bool better = false;
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] > b[k])
            {
                return false;
            }

            better |= a[k] < b[k];
        }

        return better;
    }

    private static int[] Sorted(IEnumerable<int> indices) => indices.Order().ToArray();
}
