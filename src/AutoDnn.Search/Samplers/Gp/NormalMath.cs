using System.Runtime.CompilerServices;

namespace AutoDnn.Search.Samplers.Gp;

/// <summary>Standard normal density, distribution and the scaled complementary error function, accurate in the tails.</summary>
internal static class NormalMath
{
    public const double LogSqrtTwoPi = 0.91893853320467274178;
    private const double InvSqrtPi = 0.56418958354775628695;
    private const double Sqrt2 = 1.41421356237309504880;

    /// <summary>φ(z).</summary>
    public static double Pdf(double z) => Math.Exp((-0.5 * z * z) - LogSqrtTwoPi);

    /// <summary>Φ(z), with full relative accuracy in the lower tail.</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Sqrt2);

    /// <summary>log Φ(z), finite for every finite z.</summary>
    public static double LogCdf(double z)
    {
        if (z > -5)
        {
            return Math.Log(Cdf(z));
        }

        // Φ(z) = ½·exp(-z²/2)·erfcx(-z/√2) avoids underflow of Φ itself.
        double x = -z / Sqrt2;
        return Math.Log(0.5) - (x * x) + Math.Log(Erfcx(x));
    }

    /// <summary>erfc(x) for any real x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Erfc(double x)
    {
        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        if (x < 2)
        {
            return 1 - ErfSeries(x);
        }

        return x > 27 ? 0 : Math.Exp(-x * x) * ErfcxContinuedFraction(x);
    }

    /// <summary>erfcx(x) = exp(x²)·erfc(x) for x ≥ 0 (bounded, ~1/(x√π) for large x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Erfcx(double x)
    {
        if (x < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Erfcx is only implemented for x >= 0.");
        }

        if (x < 2)
        {
            return Math.Exp(x * x) * (1 - ErfSeries(x));
        }

        if (x > 1e7)
        {
            return InvSqrtPi / x;
        }

        return ErfcxContinuedFraction(x);
    }

    // erf(x) = 2/√π·exp(-x²)·Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1)): all terms positive, so no cancellation for x < 2.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double ErfSeries(double x)
    {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++)
        {
            term *= 2 * x2 / ((2 * n) + 1);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return 2 * InvSqrtPi * Math.Exp(-x2) * sum;
    }

    // erfcx(x) = (1/√π)·1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated by the modified Lentz method; fast for x ≥ 2.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double ErfcxContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++)
        {
            double a = k / 2.0;
            d = x + (a * d);
            d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = x + (a / c);
            if (Math.Abs(c) < tiny)
            {
                c = tiny;
            }

            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return InvSqrtPi / f;
    }
}
