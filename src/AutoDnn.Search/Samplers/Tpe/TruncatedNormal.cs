namespace AutoDnn.Search.Samplers.Tpe;

/// <summary>The standard normal truncated to [a, b]: inverse-CDF sampling and log density, stable in the tails.</summary>
internal static class TruncatedNormal
{
    /// <summary>The quantile u ∈ [0, 1) of the standard normal truncated to [a, b].</summary>
    public static double Quantile(double u, double a, double b)
    {
        if (a >= b)
        {
            return a;
        }

        // Work where Φ is small (the lower tail) so no probability is lost to rounding near 1.
        if (a > 0)
        {
            return -Quantile(1 - u, -b, -a);
        }

        double low = GaussianFunctions.Cdf(a), high = GaussianFunctions.Cdf(b);
        double mass = high - low;
        if (!(mass > 0))
        {
            return a + (u * (b - a));
        }

        double p = low + (u * mass);
        double x;
        if (p <= 0.5)
        {
            x = GaussianFunctions.InverseCdf(p);
        }
        else
        {
            double upperLow = GaussianFunctions.Cdf(-b);
            double complement = upperLow + ((1 - u) * (GaussianFunctions.Cdf(-a) - upperLow));
            x = -GaussianFunctions.InverseCdf(complement);
        }

        return double.IsFinite(x) ? Math.Clamp(x, a, b) : a + (u * (b - a));
    }

    /// <summary>log density at standardized x of the normal truncated to [a, b] (−∞ outside).</summary>
    public static double LogPdf(double x, double a, double b) =>
        x < a || x > b ? double.NegativeInfinity : (-0.5 * x * x) - GaussianFunctions.LogSqrtTwoPi - GaussianFunctions.LogMass(a, b);
}
