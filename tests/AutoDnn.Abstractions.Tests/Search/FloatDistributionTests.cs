using AutoDnn.Abstractions.Search;

namespace AutoDnn.Abstractions.Tests.Search;

public sealed class FloatDistributionTests
{
    [Theory]
    [InlineData(1.0, 0.0, false, null, "low")]
    [InlineData(0.0, 1.0, true, null, "low")]
    [InlineData(-1.0, 1.0, true, null, "low")]
    [InlineData(0.0, 1.0, false, 0.3, "step")]
    [InlineData(0.0, 1.0, false, 0.0, "step")]
    [InlineData(0.0, 1.0, false, -0.5, "step")]
    [InlineData(0.1, 1.0, true, 0.1, "step")]
    [InlineData(double.NaN, 1.0, false, null, "low")]
    [InlineData(0.0, double.PositiveInfinity, false, null, "high")]
    public void Rejects_invalid_domains_naming_the_argument(double low, double high, bool log, double? step, string argument)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new FloatDistribution(low, high, log, step));
        Assert.Equal(argument, e.ParamName);
        Assert.Contains(argument, e.Message);
    }

    [Fact]
    public void Step_that_divides_the_range_up_to_rounding_is_accepted()
    {
        var d = new FloatDistribution(0.1, 0.9, step: 0.1);
        Assert.Equal(9, d.GridCount);
        Assert.Equal(0.9, d.GridValue(8));
        Assert.True(d.Contains(0.1 + (3 * 0.1)));
        Assert.False(d.Contains(0.35));
    }

    [Fact]
    public void Contains_checks_range_and_nan()
    {
        var d = new FloatDistribution(1e-3, 1.0, log: true);
        Assert.True(d.Contains(1e-3));
        Assert.True(d.Contains(1.0));
        Assert.False(d.Contains(0.0));
        Assert.False(d.Contains(1.0000001));
        Assert.False(d.Contains(double.NaN));
    }

    [Fact]
    public void Converts_numbers_to_internal_and_back()
    {
        var d = new FloatDistribution(-1, 1);
        Assert.Equal(0.5, d.ToInternal(0.5));
        Assert.Equal(1.0, d.ToInternal(1));
        Assert.Equal(0.25, d.ToInternal(0.25f));
        Assert.Equal(0.5, d.ToExternal(0.5));
        Assert.IsType<double>(d.ToExternal(0.5));
        Assert.Throws<ArgumentException>(() => d.ToInternal(2.0));
        Assert.Throws<ArgumentException>(() => d.ToInternal("0.5"));
    }

    [Fact]
    public void Nearest_clamps_and_snaps_to_the_step()
    {
        var d = new FloatDistribution(0, 1, step: 0.25);
        Assert.Equal(0.5, d.Nearest(0.55));
        Assert.Equal(1.0, d.Nearest(7));
        Assert.Equal(0.0, d.Nearest(-7));
        Assert.Equal(0.3, new FloatDistribution(0, 1).Nearest(0.3));
    }

    [Fact]
    public void Single_value_domain_is_single()
    {
        Assert.True(new FloatDistribution(2, 2).IsSingle);
        Assert.True(new FloatDistribution(2, 2, log: true).IsSingle);
        Assert.False(new FloatDistribution(2, 3).IsSingle);
    }

    [Fact]
    public void Equality_is_by_value_and_compatibility_by_kind()
    {
        Assert.Equal(new FloatDistribution(0, 1, step: 0.5), new FloatDistribution(0, 1, step: 0.5));
        Assert.NotEqual(new FloatDistribution(0, 1), new FloatDistribution(0, 2));
        Assert.True(new FloatDistribution(0, 1).IsCompatibleWith(new FloatDistribution(0, 2)));
        Assert.False(new FloatDistribution(0, 1).IsCompatibleWith(new IntDistribution(0, 1)));
    }
}
