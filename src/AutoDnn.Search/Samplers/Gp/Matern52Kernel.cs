using System.Runtime.CompilerServices;

namespace AutoDnn.Search.Samplers.Gp;

/// <summary>Matérn-5/2 ARD kernel over encoded points; categorical dimensions contribute a Hamming (0/1) distance.</summary>
internal static class Matern52Kernel
{
    private const double Sqrt5 = 2.23606797749978969641;

    /// <summary>Weighted squared distance r² = Σ ρ_d·Δ_d², where Δ_d = [x_d ≠ y_d] for categorical dimensions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> rho, ReadOnlySpan<bool> categorical)
    {
        double sum = 0;
        for (int d = 0; d < x.Length; d++)
        {
            double delta = categorical[d] ? (x[d] == y[d] ? 0 : 1) : x[d] - y[d];
            sum += rho[d] * delta * delta;
        }

        return sum;
    }

    /// <summary>k(r²)/s² = (1 + √5r + 5r²/3)·exp(-√5r).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Value(double squaredDistance)
    {
        double r = Math.Sqrt(squaredDistance);
        return (1 + (Sqrt5 * r) + (5.0 / 3.0 * squaredDistance)) * Math.Exp(-Sqrt5 * r);
    }

    /// <summary>k(r²)/s² and its derivative with respect to r², which is -(5/6)(1 + √5r)·exp(-√5r).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double ValueAndDerivative(double squaredDistance, out double derivative)
    {
        double r = Math.Sqrt(squaredDistance);
        double e = Math.Exp(-Sqrt5 * r);
        derivative = -5.0 / 6.0 * (1 + (Sqrt5 * r)) * e;
        return (1 + (Sqrt5 * r) + (5.0 / 3.0 * squaredDistance)) * e;
    }
}
