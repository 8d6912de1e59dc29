using AutoDnn.Search.Samplers.Gp;

namespace AutoDnn.Search.Tests.Samplers.Gp;

public sealed class LogExpectedImprovementTests
{
    // log h(z), h(z) = φ(z) + zΦ(z), computed with mpmath at 50 digits.
    [Theory]
    [InlineData(5.0, 1.6094379231264313851)]
    [InlineData(0.0, -0.91893853320467274178)]
    [InlineData(-0.5, -1.6205162643873199193)]
    [InlineData(-1.0, -2.4851210257126413368)]
    [InlineData(-3.0, -7.8696860596030285171)]
    [InlineData(-10.0, -55.553122036122355927)]
    [InlineData(-40.0, -808.29856835661996024)]
    [InlineData(-100.0, -5010.1295788002497923)]
    [InlineData(-1000.0, -500014.73445209115845)]
    public void Log_h_matches_high_precision_values_far_into_the_tail(double z, double expected)
    {
        double actual = LogExpectedImprovement.LogH(z, out _);

        Assert.Equal(expected, actual, Math.Max(1e-12, Math.Abs(expected) * 1e-12));
    }

    [Theory]
    [InlineData(-5.0, -15.064998393988725736)]
    [InlineData(-20.0, -203.91715537109726394)]
    [InlineData(-40.0, -804.60844201375378817)]
    public void Log_cdf_is_accurate_where_the_cdf_underflows(double z, double expected)
    {
        Assert.Equal(expected, NormalMath.LogCdf(z), Math.Abs(expected) * 1e-12);
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(-0.7)]
    [InlineData(-1.0)]
    [InlineData(-7.5)]
    [InlineData(-99.0)]
    [InlineData(-150.0)]
    public void Derivative_matches_finite_differences(double z)
    {
        const double h = 1e-6;
        LogExpectedImprovement.LogH(z, out double derivative);
        double numeric = (LogExpectedImprovement.LogH(z + h, out _) - LogExpectedImprovement.LogH(z - h, out _)) / (2 * h);

        Assert.Equal(numeric, derivative, Math.Abs(numeric) * 1e-5);
    }

    [Fact]
    public void Value_is_finite_and_ordered_for_hopeless_candidates()
    {
        double far = LogExpectedImprovement.Value(mean: 1e6, sd: 1e-6, best: 0, out double dMean, out double dSd);
        double farther = LogExpectedImprovement.Value(mean: 2e6, sd: 1e-6, best: 0, out _, out _);

        Assert.True(double.IsFinite(far) && double.IsFinite(dMean) && double.IsFinite(dSd));
        Assert.True(farther < far);
        Assert.True(dMean < 0 && dSd > 0);
    }

    [Fact]
    public void Log_h_is_continuous_across_its_branches()
    {
        foreach (double z in (double[])[-1.0, -100.0])
        {
            double below = LogExpectedImprovement.LogH(z - 1e-9, out double slope);
            double above = LogExpectedImprovement.LogH(z + 1e-9, out _);
            Assert.Equal(above, below + (slope * 2e-9), Math.Abs(above) * 1e-11);
        }
    }
}
