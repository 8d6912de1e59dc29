using AutoDnn.Abstractions.Search;

namespace AutoDnn.Abstractions.Tests.Search;

public sealed class IntDistributionTests
{
    [Theory]
    [InlineData(5, 1, false, 1, "low")]
    [InlineData(0, 10, true, 1, "low")]
    [InlineData(1, 10, false, 0, "step")]
    [InlineData(1, 10, false, 2, "step")]
    [InlineData(1, 9, true, 2, "step")]
    public void Rejects_invalid_domains_naming_the_argument(int low, int high, bool log, int step, string argument)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new IntDistribution(low, high, log, step));
        Assert.Equal(argument, e.ParamName);
    }

    [Fact]
    public void Contains_respects_range_integrality_and_step()
    {
        var d = new IntDistribution(1, 9, step: 2);
        Assert.Equal(5, d.Count);
        Assert.True(d.Contains(3));
        Assert.False(d.Contains(4));
        Assert.False(d.Contains(3.5));
        Assert.False(d.Contains(11));
        Assert.Equal(9, d.ValueAt(4));
    }

    [Fact]
    public void Converts_integers_and_integral_doubles()
    {
        var d = new IntDistribution(0, 10);
        Assert.Equal(3.0, d.ToInternal(3));
        Assert.Equal(3.0, d.ToInternal(3L));
        Assert.Equal(3.0, d.ToInternal(3.0));
        Assert.Throws<ArgumentException>(() => d.ToInternal(3.5));
        Assert.Throws<ArgumentException>(() => d.ToInternal(11));
        Assert.Equal(4, Assert.IsType<int>(d.ToExternal(4.0)));
    }

    [Fact]
    public void Nearest_rounds_to_the_step_grid()
    {
        var d = new IntDistribution(0, 10, step: 5);
        Assert.Equal(5, d.Nearest(6.9));
        Assert.Equal(10, d.Nearest(99));
        Assert.Equal(0, d.Nearest(-3));
    }

    [Fact]
    public void Extreme_ranges_do_not_overflow()
    {
        var d = new IntDistribution(int.MinValue, int.MaxValue);
        Assert.Equal(1L << 32, d.Count);
        Assert.True(d.Contains(int.MaxValue));
    }
}
