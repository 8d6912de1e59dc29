using System.Runtime.CompilerServices;

namespace AutoDnn.Search.Samplers.Gp;

/// <summary>Limited-memory BFGS minimizer on a box: projected steps, Armijo backtracking, active bounds held fixed.</summary>
internal static class BoxLbfgs
{
    /// <summary>f(x, gradient) returns the value and writes the gradient into the second argument.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>Minimizes from x (updated in place, kept inside [lower, upper]); returns the final value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Minimize(
        Objective f,
        double[] x,
        ReadOnlySpan<double> lower,
        ReadOnlySpan<double> upper,
        int maxIterations,
        double tolerance = 1e-6,
        double relativeTolerance = 1e-10,
        int memory = 8)
    {
        int n = x.Length;
        Project(x, lower, upper);
        var g = new double[n];
        double fx = f(x, g);
        if (!double.IsFinite(fx))
        {
            return fx;
        }

        var s = new double[memory][];
        var y = new double[memory][];
        var rhoHistory = new double[memory];
        int stored = 0;
        int head = 0;
        var direction = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var alpha = new double[memory];
        var free = new bool[n];

        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            double projectedNorm = 0;
            for (int i = 0; i < n; i++)
            {
                bool atLower = x[i] <= lower[i] && g[i] > 0;
                bool atUpper = x[i] >= upper[i] && g[i] < 0;
                free[i] = !atLower && !atUpper;
                if (free[i])
                {
                    projectedNorm = Math.Max(projectedNorm, Math.Abs(g[i]));
                }
            }

            if (projectedNorm < tolerance)
            {
                break;
            }

            // Two-loop recursion on the free coordinates.
            for (int i = 0; i < n; i++)
            {
                direction[i] = free[i] ? g[i] : 0;
            }

            for (int k = 0; k < stored; k++)
            {
                int j = (head - 1 - k + memory) % memory;
                alpha[j] = rhoHistory[j] * Dot(s[j], direction, free);
                Axpy(-alpha[j], y[j], direction, free);
            }

            double gamma = 1;
            if (stored > 0)
            {
                int last = (head - 1 + memory) % memory;
                gamma = Dot(s[last], y[last], free) / Math.Max(Dot(y[last], y[last], free), 1e-300);
                gamma = gamma > 0 && double.IsFinite(gamma) ? gamma : 1;
            }

            for (int i = 0; i < n; i++)
            {
                direction[i] *= gamma;
            }

            for (int k = stored - 1; k >= 0; k--)
            {
                int j = (head - 1 - k + memory) % memory;
                double beta = rhoHistory[j] * Dot(y[j], direction, free);
                Axpy(alpha[j] - beta, s[j], direction, free);
            }

            double slope = 0;
            for (int i = 0; i < n; i++)
            {
                direction[i] = free[i] ? -direction[i] : 0;
                slope += direction[i] * g[i];
            }

            if (!(slope < 0))
            {
                // Not a descent direction: restart from steepest descent.
                stored = 0;
                slope = 0;
                for (int i = 0; i < n; i++)
                {
                    direction[i] = free[i] ? -g[i] : 0;
                    slope -= g[i] * g[i] * (free[i] ? 1 : 0);
                }
            }

            double step = stored == 0 ? Math.Min(1, 1 / Math.Max(projectedNorm, 1e-12)) : 1;
            double fNew = double.NaN;
            bool accepted = false;
            for (int trial = 0; trial < 30; trial++)
            {
                double decrease = 0;
                for (int i = 0; i < n; i++)
                {
                    xNew[i] = Math.Clamp(x[i] + (step * direction[i]), lower[i], upper[i]);
                    decrease += g[i] * (xNew[i] - x[i]);
                }

                fNew = f(xNew, gNew);
                if (double.IsFinite(fNew) && fNew <= fx + (1e-4 * Math.Min(decrease, 0)))
                {
                    accepted = true;
                    break;
                }

                step *= 0.5;
            }

            if (!accepted)
            {
                break;
            }

            var sNext = s[head] ??= new double[n];
            var yNext = y[head] ??= new double[n];
            double sy = 0;
            for (int i = 0; i < n; i++)
            {
                sNext[i] = xNew[i] - x[i];
                yNext[i] = gNew[i] - g[i];
                sy += sNext[i] * yNext[i];
            }

            if (sy > 1e-12)
            {
                rhoHistory[head] = 1 / sy;
                head = (head + 1) % memory;
                stored = Math.Min(stored + 1, memory);
            }

            double improvement = fx - fNew;
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            fx = fNew;
            if (improvement <= relativeTolerance * Math.Max(1, Math.Abs(fx)))
            {
                break;
            }
        }

        return fx;
    }

    private static void Project(double[] x, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Math.Clamp(x[i], lower[i], upper[i]);
        }
    }

    private static double Dot(double[] a, double[] b, bool[] free)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (free[i])
            {
                sum += a[i] * b[i];
            }
        }

        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y, bool[] free)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (free[i])
            {
                y[i] += a * x[i];
            }
        }
    }
}
