using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers.NsgaII;

/// <summary>Deb's constrained dominance: feasible beats infeasible, less violation beats more, and Pareto dominance among feasible.</summary>
internal static class ConstrainedDominance
{
    /// <summary>Total violation Σ max(c, 0); 0 for trials without constraints.</summary>
    public static double Violation(FrozenTrial trial) =>
        trial.Constraints is null ? 0 : trial.Constraints.Sum(c => double.IsNaN(c) ? double.PositiveInfinity : Math.Max(c, 0));

    public static bool Dominates(FrozenTrial a, FrozenTrial b, IReadOnlyList<StudyDirection> directions)
    {
        double va = Violation(a);
        double vb = Violation(b);
        if (va > 0 || vb > 0)
        {
            return va < vb;
        }

        return ParetoFront.Dominates(a.Values!, b.Values!, directions);
    }
}
