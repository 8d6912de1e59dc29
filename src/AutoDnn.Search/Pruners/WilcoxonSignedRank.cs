using AutoDnn.Search.Samplers.Tpe;

namespace AutoDnn.Search.Pruners;

/// <summary>The Wilcoxon signed-rank test on paired differences (zero differences split half and half, as scipy's <c>zero_method="zsplit"</c>).</summary>
/// <remarks>
/// The statistic is scipy's one-sided T = R⁺: the sum of the (average) ranks of |d| over positive differences plus
/// half the ranks of zero differences. Up to <see cref="ExactLimit"/> differences the p-value is exact: the
/// permutation distribution of R⁺ over the 2^m sign patterns of the non-zero differences, counted on doubled ranks so
/// ties stay exact (scipy 1.10 falls back to the normal approximation when there are zeros and truncates tied rank sums;
/// without ties or zeros both agree). Above it, the normal approximation with scipy's tie correction and no
/// continuity correction, equal to scipy's.
/// </remarks>
public static class WilcoxonSignedRank
{
    /// <summary>The largest sample that gets the exact distribution (scipy's "auto" limit).</summary>
    public const int ExactLimit = 50;

    /// <summary>The statistic R⁺ (zsplit) of the differences.</summary>
    public static double Statistic(IReadOnlyList<double> differences)
    {
        double[] ranks = Ranks(differences, out _);
        double plus = 0;
        for (int i = 0; i < differences.Count; i++)
        {
            plus += differences[i] > 0 ? ranks[i] : differences[i] == 0 ? ranks[i] / 2 : 0;
        }

        return plus;
    }

    /// <summary>The p-value of the test; 1 for an empty sample. Throws on NaN or infinite differences.</summary>
    public static double PValue(IReadOnlyList<double> differences, WilcoxonAlternative alternative)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (differences.Any(d => !double.IsFinite(d)))
        {
            throw new ArgumentException("Wilcoxon differences must be finite numbers.", nameof(differences));
        }

        if (differences.Count == 0)
        {
            return 1.0;
        }

        double greater;
        double less;
        if (differences.Count <= ExactLimit)
        {
            (greater, less) = ExactTails(differences);
        }
        else
        {
            (greater, less) = NormalTails(differences);
        }

        return alternative switch
        {
            WilcoxonAlternative.Greater => Math.Clamp(greater, 0, 1),
            WilcoxonAlternative.Less => Math.Clamp(less, 0, 1),
            _ => Math.Min(1.0, 2 * Math.Min(greater, less)),
        };
    }

    private static (double Greater, double Less) ExactTails(IReadOnlyList<double> d)
    {
        double[] ranks = Ranks(d, out _);
        var doubled = new List<int>();
        int observed = 0;
        for (int i = 0; i < d.Count; i++)
        {
            if (d[i] == 0)
            {
                continue; // a zero adds the same half rank under every sign pattern
            }

            int r2 = (int)Math.Round(2 * ranks[i]);
            doubled.Add(r2);
            observed += d[i] > 0 ? r2 : 0;
        }

        int max = doubled.Sum();
        var counts = new double[max + 1];
        counts[0] = 1;
        int reach = 0;
        foreach (int r2 in doubled)
        {
            for (int s = reach; s >= 0; s--)
            {
                counts[s + r2] += counts[s];
            }

            reach += r2;
        }

        double total = Math.Pow(2, doubled.Count);
        double atLeast = 0;
        double atMost = 0;
        for (int s = 0; s <= max; s++)
        {
            atLeast += s >= observed ? counts[s] : 0;
            atMost += s <= observed ? counts[s] : 0;
        }

        return (atLeast / total, atMost / total);
    }

    private static (double Greater, double Less) NormalTails(IReadOnlyList<double> d)
    {
        double n = d.Count;
        _ = Ranks(d, out List<int> tieSizes);
        double t = Statistic(d);
        double mean = n * (n + 1) * 0.25;
        double variance = n * (n + 1) * ((2 * n) + 1);
        foreach (int k in tieSizes)
        {
            variance -= 0.5 * k * ((double)k * k - 1);
        }

        double z = (t - mean) / Math.Sqrt(variance / 24);
        return (GaussianFunctions.Cdf(-z), GaussianFunctions.Cdf(z));
    }

    /// <summary>Average ranks (1-based) of |d|, and the sizes of tied groups larger than one.</summary>
    private static double[] Ranks(IReadOnlyList<double> d, out List<int> tieSizes)
    {
        int n = d.Count;
        int[] order = [.. Enumerable.Range(0, n).OrderBy(i => Math.Abs(d[i]))];
        var ranks = new double[n];
        tieSizes = [];
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && Math.Abs(d[order[end + 1]]) == Math.Abs(d[order[start]]))
            {
                end++;
            }

            double average = ((start + end) / 2.0) + 1;
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = average;
            }

            if (end > start)
            {
                tieSizes.Add(end - start + 1);
            }

            start = end + 1;
        }

        return ranks;
    }
}
