using AutoDnn.Abstractions.Search;

namespace AutoDnn.Abstractions.Tests.Search;

public sealed class CategoricalDistributionTests
{
    [Fact]
    public void Rejects_empty_duplicate_and_unsupported_choices()
    {
        Assert.Equal("choices", Assert.Throws<ArgumentException>(() => new CategoricalDistribution([])).ParamName);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new CategoricalDistribution(["a", "b", "a"])).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new CategoricalDistribution([1, 1.0])).Message);
        Assert.Contains("unsupported", Assert.Throws<ArgumentException>(() => new CategoricalDistribution([1.5f])).Message);
        Assert.Throws<ArgumentException>(() => new CategoricalDistribution([double.NaN]));
    }

    [Fact]
    public void Internal_value_is_the_index()
    {
        var d = new CategoricalDistribution(["relu", null, true, 3, 0.5]);
        Assert.Equal(0, d.ToInternal("relu"));
        Assert.Equal(1, d.ToInternal(null));
        Assert.Equal(2, d.ToInternal(true));
        Assert.Equal(3, d.ToInternal(3L));
        Assert.Equal(4, d.ToInternal(0.5));
        Assert.Equal(3, d.ToExternal(3));
        Assert.Throws<ArgumentException>(() => d.ToInternal("tanh"));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.ToExternal(5));
        Assert.False(d.Contains(1.5));
        Assert.Equal(4, d.Nearest(9));
    }

    [Fact]
    public void Equality_compares_choices_in_order()
    {
        Assert.Equal(new CategoricalDistribution(["a", "b"]), new CategoricalDistribution(["a", "b"]));
        Assert.Equal(new CategoricalDistribution([1, 2]).GetHashCode(), new CategoricalDistribution([1L, 2L]).GetHashCode());
        Assert.NotEqual(new CategoricalDistribution(["a", "b"]), new CategoricalDistribution(["b", "a"]));
        Assert.False(new CategoricalDistribution(["a"]).IsCompatibleWith(new CategoricalDistribution(["a", "b"])));
        Assert.True(new CategoricalDistribution(["a"]).IsSingle);
    }
}
