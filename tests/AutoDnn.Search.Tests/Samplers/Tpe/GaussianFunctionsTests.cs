using AutoDnn.Search.Samplers.Tpe;

namespace AutoDnn.Search.Tests.Samplers.Tpe;

// Reference values from scipy.special / scipy.stats.truncnorm (scipy 1.10).
public sealed class GaussianFunctionsTests
{
    [Theory]
    [InlineData(3.0, 2.2090496998585445e-05)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(-1.0, 1.8427007929497148)]
    public void Erfc_matches_scipy(double x, double expected) =>
        Assert.Equal(expected, GaussianFunctions.Erfc(x), expected * 1e-13);

    [Fact]
    public void Cdf_log_cdf_and_inverse_match_scipy()
    {
        Assert.Equal(0.15865525393145707, GaussianFunctions.Cdf(-1), 1e-15);
        Assert.Equal(-15.064998393988727, GaussianFunctions.LogCdf(-5), 1e-12);
        Assert.Equal(-454.32124395634327, GaussianFunctions.LogCdf(-30), 1e-9);
        Assert.Equal(-1.9599639845400545, GaussianFunctions.InverseCdf(0.025), 1e-12);
        Assert.Equal(-9.262340089798409, GaussianFunctions.InverseCdf(1e-20), 1e-10);
    }

    [Fact]
    public void Truncated_normal_matches_scipy_in_the_centre_and_far_in_a_tail()
    {
        Assert.Equal(-0.24240381788922707, TruncatedNormal.Quantile(0.3, -1, 2), 1e-12);
        Assert.Equal(3.33458152130379, TruncatedNormal.Quantile(0.7, 3, 4), 1e-10);
        Assert.Equal(-0.84377223888021, TruncatedNormal.LogPdf(0.5, -1, 2), 1e-12);
        Assert.Equal(-14.068837271282177, TruncatedNormal.LogPdf(35.5, 35, 36), 1e-8);
        Assert.Equal(double.NegativeInfinity, TruncatedNormal.LogPdf(2.5, -1, 2));
    }
}
