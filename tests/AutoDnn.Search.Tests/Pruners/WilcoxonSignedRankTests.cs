using AutoDnn.Search.Pruners;

namespace AutoDnn.Search.Tests.Pruners;

public sealed class WilcoxonSignedRankTests
{
    private static readonly double[] Distinct = [1.5, -0.5, 2.3, 3.1, 0.7, -1.2, 2.8, 4.0];

    /// <summary>60 differences with ties and three zeros (numpy default_rng(3), rounded to 0.1).</summary>
    private static readonly double[] Large =
    [
        0.0, 0.0, 0.7, -0.3, -0.2, 0.1, -1.7, 0.1, -0.6, 3.6, 0.5, -0.1, 0.0, -0.4, -0.8, -0.1, 0.8, 0.1, 1.3, 0.1, 0.3, 1.8,
        0.8, -0.2, 0.1, 0.8, 2.2, 0.0, 0.1, 1.3, -0.6, 0.0, 1.2, 0.9, 0.4, 1.0, -2.5, 1.3, -0.7, -1.4, 0.6, 1.0, -0.1, -0.8,
        0.3, 0.2, 1.7, 1.0, 0.5, 1.4, 0.1, -0.6, 0.9, 0.9, 0.1, -0.5, 0.5, -2.2, 1.0, 0.8,
    ];

    [Theory]
    [InlineData(WilcoxonAlternative.Greater, 0.02734375)]
    [InlineData(WilcoxonAlternative.Less, 0.98046875)]
    [InlineData(WilcoxonAlternative.TwoSided, 0.0546875)]
    public void Exact_p_values_equal_scipy(WilcoxonAlternative alternative, double scipy)
    {
        // scipy.stats.wilcoxon(Distinct, alternative=..., zero_method="zsplit") (scipy 1.10.1, exact: n = 8, no ties).
        Assert.Equal(32.0, WilcoxonSignedRank.Statistic(Distinct));
        Assert.Equal(scipy, WilcoxonSignedRank.PValue(Distinct, alternative), 12);
    }

    [Theory]
    [InlineData(WilcoxonAlternative.Greater, 0.005619280578609455)]
    [InlineData(WilcoxonAlternative.Less, 0.9943807194213905)]
    [InlineData(WilcoxonAlternative.TwoSided, 0.01123856115721891)]
    public void Large_samples_use_scipys_normal_approximation(WilcoxonAlternative alternative, double scipy)
    {
        // scipy.stats.wilcoxon(Large, alternative=..., zero_method="zsplit"): n = 60 > 50, tie-corrected, R+ = 1259.
        Assert.Equal(1259.0, WilcoxonSignedRank.Statistic(Large));
        Assert.Equal(scipy, WilcoxonSignedRank.PValue(Large, alternative), 10);
    }

    [Fact]
    public void Ties_and_zeros_get_the_exact_conditional_distribution()
    {
        // Brute force over the 2^7 sign patterns of the non-zero differences of [1, 1, -2, 2, 3, 0, 4, -1] with
        // scipy.stats.rankdata(|d|) ranks: P(R+ >= observed) = 17/128, P(R+ <= observed) = 117/128.
        double[] d = [1, 1, -2, 2, 3, 0, 4, -1];
        Assert.Equal(17.0 / 128, WilcoxonSignedRank.PValue(d, WilcoxonAlternative.Greater), 12);
        Assert.Equal(117.0 / 128, WilcoxonSignedRank.PValue(d, WilcoxonAlternative.Less), 12);
    }

    [Fact]
    public void Edge_cases()
    {
        Assert.Equal(1.0, WilcoxonSignedRank.PValue([], WilcoxonAlternative.Greater));
        Assert.Equal(1.0, WilcoxonSignedRank.PValue([0, 0, 0], WilcoxonAlternative.Greater));
        Assert.Equal(1.0 / 32, WilcoxonSignedRank.PValue([0.5, 0.5, 0.5, 0.5, 0.5], WilcoxonAlternative.Greater), 12);
        Assert.Throws<ArgumentException>(() => WilcoxonSignedRank.PValue([1, double.NaN], WilcoxonAlternative.Less));
    }
}
