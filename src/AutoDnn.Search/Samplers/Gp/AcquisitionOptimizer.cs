namespace AutoDnn.Search.Samplers.Gp;

/// <summary>
/// Maximizes an acquisition over a mixed space: scrambled-Halton candidates plus perturbations of the best observed
/// points, then local refinement of the best few (L-BFGS on continuous coordinates, neighbour search on discrete ones).
/// </summary>
internal sealed class AcquisitionOptimizer
{
    private readonly GpSearchSpace _space;
    private readonly GpAcquisition _acquisition;
    private readonly int _candidates;
    private readonly int _refinements;

    public AcquisitionOptimizer(GpSearchSpace space, GpAcquisition acquisition, int candidates, int refinements)
    {
        _space = space;
        _acquisition = acquisition;
        _candidates = candidates;
        _refinements = refinements;
    }

    /// <summary>The best encoded point found; incumbents are observed points (best first) to search around.</summary>
    public double[] Maximize(int seed, IReadOnlyList<double[]> incumbents)
    {
        int d = _space.Dimensions;
        var random = new Random(seed);
        var pool = new List<(double Value, double[] Point)>(_candidates + 64);
        var halton = new ScrambledHalton(seed, d);
        var unit = new double[d];
        for (int c = 0; c < _candidates; c++)
        {
            halton.Point(c, unit);
            var point = new double[d];
            for (int j = 0; j < d; j++)
            {
                point[j] = _space.FromUnit(j, unit[j]);
            }

            pool.Add((_acquisition.Value(point), point));
        }

        // Local perturbations of the best observations: the acquisition's peak is often next to the incumbent.
        foreach (double[] incumbent in incumbents.Take(3))
        {
            foreach (double scale in (ReadOnlySpan<double>)[0.02, 0.1])
            {
                for (int c = 0; c < 16; c++)
                {
                    var point = new double[d];
                    for (int j = 0; j < d; j++)
                    {
                        point[j] = _space.Categorical[j]
                            ? (random.NextDouble() < scale ? random.NextInt64(_space.DiscreteCounts[j]) : incumbent[j])
                            : _space.Snap(j, incumbent[j] + (scale * Gaussian(random)));
                    }

                    pool.Add((_acquisition.Value(point), point));
                }
            }
        }

        pool.Sort((a, b) => b.Value.CompareTo(a.Value));
        double bestValue = double.NegativeInfinity;
        double[] best = pool[0].Point;
        foreach ((double value, double[] start) in pool.Take(_refinements))
        {
            double refinedValue = Refine(start, value);
            if (refinedValue > bestValue)
            {
                bestValue = refinedValue;
                best = start;
            }
        }

        return best;
    }

    // Alternates continuous L-BFGS with a discrete neighbour pass until neither improves; updates point in place.
    private double Refine(double[] point, double value)
    {
        int[] continuous = Enumerable.Range(0, point.Length).Where(j => _space.DiscreteCounts[j] == 0).ToArray();
        int[] discrete = Enumerable.Range(0, point.Length).Where(j => _space.DiscreteCounts[j] > 0).ToArray();
        for (int round = 0; round < 3; round++)
        {
            double before = value;
            if (continuous.Length > 0)
            {
                value = RefineContinuous(point, continuous, value);
            }

            if (discrete.Length > 0)
            {
                value = RefineDiscrete(point, discrete, value);
            }

            if (value <= before + 1e-9 || discrete.Length == 0 || continuous.Length == 0)
            {
                break;
            }
        }

        return value;
    }

    private double RefineContinuous(double[] point, int[] continuous, double value)
    {
        int m = continuous.Length;
        var x = new double[m];
        for (int k = 0; k < m; k++)
        {
            x[k] = point[continuous[k]];
        }

        var full = (double[])point.Clone();
        var gradient = new double[point.Length];
        double Objective(ReadOnlySpan<double> z, Span<double> g)
        {
            for (int k = 0; k < m; k++)
            {
                full[continuous[k]] = z[k];
            }

            double v = _acquisition.ValueAndGradient(full, gradient);
            for (int k = 0; k < m; k++)
            {
                g[k] = -gradient[continuous[k]];
            }

            return -v;
        }

        var lower = new double[m];
        var upper = Enumerable.Repeat(1.0, m).ToArray();
        double refined = -BoxLbfgs.Minimize(Objective, x, lower, upper, maxIterations: 40, tolerance: 1e-5);
        if (refined > value)
        {
            for (int k = 0; k < m; k++)
            {
                point[continuous[k]] = x[k];
            }

            return refined;
        }

        return value;
    }

    private double RefineDiscrete(double[] point, int[] discrete, double value)
    {
        var trial = (double[])point.Clone();
        foreach (int j in discrete)
        {
            long count = _space.DiscreteCounts[j];
            long current = _space.IndexOf(j, point[j]);
            IEnumerable<long> neighbours = _space.Categorical[j] || count <= 16
                ? Enumerable.Range(0, (int)count).Select(i => (long)i).Where(i => i != current)
                : Steps(current, count);
            double bestEncoded = point[j];
            foreach (long index in neighbours)
            {
                trial[j] = _space.EncodedAt(j, index);
                double v = _acquisition.Value(trial);
                if (v > value)
                {
                    value = v;
                    bestEncoded = trial[j];
                }
            }

            point[j] = bestEncoded;
            trial[j] = bestEncoded;
        }

        return value;
    }

    private static IEnumerable<long> Steps(long current, long count)
    {
        for (long step = 1; step < count; step *= 2)
        {
            if (current - step >= 0)
            {
                yield return current - step;
            }

            if (current + step < count)
            {
                yield return current + step;
            }
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
