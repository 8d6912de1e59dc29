using System.Runtime.CompilerServices;

namespace AutoDnn.Search.Samplers.Gp;

/// <summary>Lower-triangular Cholesky factor of a symmetric positive-definite matrix, with jitter for near-singular input.</summary>
internal sealed class Cholesky
{
    private const int MaxJitterTries = 8;

    private Cholesky(double[] lower, int size, double jitter)
    {
        Lower = lower;
        Size = size;
        Jitter = jitter;
    }

    /// <summary>Row-major n×n factor L with A + jitter·I = L·Lᵀ; the upper triangle is zero.</summary>
    public double[] Lower { get; }

    public int Size { get; }

    /// <summary>The diagonal jitter that had to be added (0 when the matrix factored as given).</summary>
    public double Jitter { get; }

    /// <summary>Factors a row-major symmetric matrix; adds growing diagonal jitter (from 1e-10 of the mean diagonal) when needed.</summary>
    public static Cholesky Decompose(ReadOnlySpan<double> matrix, int size)
    {
        if (matrix.Length != size * size)
        {
            throw new ArgumentException($"Expected {size * size} entries for a {size}×{size} matrix, got {matrix.Length}.", nameof(matrix));
        }

        double meanDiagonal = 0;
        for (int i = 0; i < size; i++)
        {
            meanDiagonal += matrix[(i * size) + i];
        }

        meanDiagonal = size == 0 ? 1 : Math.Max(Math.Abs(meanDiagonal / size), 1e-300);
        var lower = new double[size * size];
        double jitter = 0;
        for (int attempt = 0; attempt <= MaxJitterTries; attempt++)
        {
            if (TryFactor(matrix, size, jitter, lower))
            {
                return new Cholesky(lower, size, jitter);
            }

            jitter = meanDiagonal * Math.Pow(10, -10 + attempt);
        }

        throw new InvalidOperationException(
            $"Matrix of size {size} is not positive definite even with a diagonal jitter of {jitter:G3}.");
    }

    /// <summary>Solves L·x = b in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SolveLower(Span<double> b)
    {
        int n = Size;
        double[] l = Lower;
        for (int i = 0; i < n; i++)
        {
            int row = i * n;
            b[i] = (b[i] - VectorMath.Dot(l.AsSpan(row, i), b[..i])) / l[row + i];
        }
    }

    /// <summary>Solves Lᵀ·x = b in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SolveUpper(Span<double> b)
    {
        int n = Size;
        double[] l = Lower;
        for (int i = n - 1; i >= 0; i--)
        {
            double value = b[i] / l[(i * n) + i];
            b[i] = value;
            VectorMath.Axpy(-value, l.AsSpan(i * n, i), b[..i]);
        }
    }

    /// <summary>Solves A·x = b in place.</summary>
    public void Solve(Span<double> b)
    {
        SolveLower(b);
        SolveUpper(b);
    }

    /// <summary>log det A = 2 Σ log Lᵢᵢ.</summary>
    public double LogDeterminant()
    {
        double sum = 0;
        for (int i = 0; i < Size; i++)
        {
            sum += Math.Log(Lower[(i * Size) + i]);
        }

        return 2 * sum;
    }

    /// <summary>A⁻¹ as a full row-major matrix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Inverse()
    {
        int n = Size;
        double[] inverseLowerT = InverseLowerTransposed();

        // A⁻¹ = L⁻ᵀL⁻¹, so A⁻¹[a, b] = Σ_{k ≥ max(a, b)} L⁻ᵀ[a, k]·L⁻ᵀ[b, k]: contiguous dot products of rows.
        var inverse = new double[n * n];
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double value = VectorMath.Dot(inverseLowerT.AsSpan((a * n) + a, n - a), inverseLowerT.AsSpan((b * n) + a, n - a));
                inverse[(a * n) + b] = value;
                inverse[(b * n) + a] = value;
            }
        }

        return inverse;
    }

    /// <summary>(L⁻¹)ᵀ row-major (upper triangular): row j is the solution of L·z = e_j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] InverseLowerTransposed()
    {
        int n = Size;
        double[] l = Lower;
        var result = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            Span<double> z = result.AsSpan(j * n, n);
            z[j] = 1 / l[(j * n) + j];
            for (int i = j + 1; i < n; i++)
            {
                z[i] = -VectorMath.Dot(l.AsSpan((i * n) + j, i - j), z[j..i]) / l[(i * n) + i];
            }
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFactor(ReadOnlySpan<double> a, int n, double jitter, double[] l)
    {
        Array.Clear(l);
        for (int i = 0; i < n; i++)
        {
            int rowI = i * n;
            for (int j = 0; j <= i; j++)
            {
                int rowJ = j * n;
                double sum = a[rowI + j] + (i == j ? jitter : 0) - VectorMath.Dot(l.AsSpan(rowI, j), l.AsSpan(rowJ, j));

                if (i == j)
                {
                    // A pivot lost to rounding (rank deficiency) counts as a breakdown, so jitter is added instead.
                    if (!(sum > 1e-13 * Math.Abs(a[rowI + i])) || !double.IsFinite(sum))
                    {
                        return false;
                    }

                    l[rowI + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[rowI + j] = sum / l[rowJ + j];
                }
            }
        }

        return true;
    }
}
