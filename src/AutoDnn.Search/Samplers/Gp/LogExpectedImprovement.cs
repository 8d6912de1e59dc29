using System.Runtime.CompilerServices;

namespace AutoDnn.Search.Samplers.Gp;

/// <summary>log EI for minimization, computed without underflow however far the candidate is from improving (LogEI, Ament et al. 2023).</summary>
internal static class LogExpectedImprovement
{
    private const double SqrtHalfPi = 1.25331413731550025121;
    private const double InvSqrt2 = 0.70710678118654752440;
    private const double AsymptoticFrom = 100;

    /// <summary>log E[max(best - f, 0)] for f ~ N(mean, sd²); gradients with respect to mean and sd.</summary>
    public static double Value(double mean, double sd, double best, out double dMean, out double dSd)
    {
        double z = (best - mean) / sd;
        double logH = LogH(z, out double dLogH);
        dMean = -dLogH / sd;
        dSd = (1 - (dLogH * z)) / sd;
        return Math.Log(sd) + logH;
    }

    /// <summary>log h(z) with h(z) = φ(z) + z·Φ(z) = E[max(z + ε, 0)], ε ~ N(0, 1); also d log h / dz = Φ(z)/h(z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double LogH(double z, out double derivative)
    {
        if (z > -1)
        {
            double cdf = NormalMath.Cdf(z);
            double h = NormalMath.Pdf(z) + (z * cdf);
            derivative = cdf / h;
            return Math.Log(h);
        }

        // h(z) = φ(z)·(1 - w·r) with w = -z and Mills ratio r = Φ(z)/φ(z) = √(π/2)·erfcx(w/√2).
        double w = -z;
        double ratio;
        double oneMinusWr;
        if (w <= AsymptoticFrom)
        {
            ratio = SqrtHalfPi * NormalMath.Erfcx(w * InvSqrt2);
            oneMinusWr = 1 - (w * ratio);
        }
        else
        {
            // Asymptotic series: 1 - w·r = w⁻² - 3w⁻⁴ + 15w⁻⁶ - 105w⁻⁸ (the subtraction above loses every digit here).
            double u = 1 / (w * w);
            oneMinusWr = u * (1 - (u * (3 - (u * (15 - (105 * u))))));
            ratio = (1 - oneMinusWr) / w;
        }

        derivative = ratio / oneMinusWr;
        return (-0.5 * z * z) - NormalMath.LogSqrtTwoPi + Math.Log(oneMinusWr);
    }
}
