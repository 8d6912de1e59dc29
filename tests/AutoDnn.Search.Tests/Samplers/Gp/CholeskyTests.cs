using AutoDnn.Search.Samplers.Gp;

namespace AutoDnn.Search.Tests.Samplers.Gp;

public sealed class CholeskyTests
{
    [Fact]
    public void Solves_a_well_conditioned_system_without_jitter()
    {
        double[] a = [4, 2, 0.6, 2, 5, 1.5, 0.6, 1.5, 3];
        double[] b = [1, -2, 0.5];
        var cholesky = Cholesky.Decompose(a, 3);
        double[] x = (double[])b.Clone();
        cholesky.Solve(x);

        Assert.Equal(0, cholesky.Jitter);
        for (int i = 0; i < 3; i++)
        {
            double row = (a[i * 3] * x[0]) + (a[(i * 3) + 1] * x[1]) + (a[(i * 3) + 2] * x[2]);
            Assert.Equal(b[i], row, 1e-12);
        }
    }

    [Fact]
    public void Factors_a_singular_kernel_matrix_with_small_jitter()
    {
        // Three points, two of them identical: a rank-2 Gram matrix that plain Cholesky cannot factor.
        double[] points = [0.1, 0.4, 0.4];
        var a = new double[9];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                a[(i * 3) + j] = Matern52Kernel.Value(Math.Pow(points[i] - points[j], 2) * 100);
            }
        }

        var cholesky = Cholesky.Decompose(a, 3);

        Assert.InRange(cholesky.Jitter, 1e-12, 1e-3);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                double product = 0;
                for (int k = 0; k < 3; k++)
                {
                    product += cholesky.Lower[(i * 3) + k] * cholesky.Lower[(j * 3) + k];
                }

                Assert.Equal(a[(i * 3) + j] + (i == j ? cholesky.Jitter : 0), product, 1e-12);
            }
        }
    }

    [Fact]
    public void Inverse_times_matrix_is_identity()
    {
        const int n = 6;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[(i * n) + j] = Math.Exp(-Math.Abs(i - j) * 0.7) + (i == j ? 0.01 : 0);
            }
        }

        double[] inverse = Cholesky.Decompose(a, n).Inverse();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                {
                    sum += a[(i * n) + k] * inverse[(k * n) + j];
                }

                Assert.Equal(i == j ? 1 : 0, sum, 1e-10);
            }
        }
    }

    [Fact]
    public void Refuses_a_negative_definite_matrix()
    {
        Assert.Throws<InvalidOperationException>(() => Cholesky.Decompose([-1.0, 0, 0, -2.0], 2));
    }
}
