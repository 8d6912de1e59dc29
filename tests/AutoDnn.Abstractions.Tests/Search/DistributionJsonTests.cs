using System.Text.Json;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Abstractions.Tests.Search;

public sealed class DistributionJsonTests
{
    public static TheoryData<Distribution> Distributions() =>
    [
        new FloatDistribution(1e-5, 0.1, log: true),
        new FloatDistribution(0.1, 0.9, step: 0.1),
        new FloatDistribution(-3, 3),
        new IntDistribution(1, 1024, log: true),
        new IntDistribution(0, 100, step: 10),
        new CategoricalDistribution(["sgd", "adam"]),
        new CategoricalDistribution([1, 2.0, 5_000_000_000L, true, null, "x"]),
    ];

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Round_trips_through_json(Distribution distribution)
    {
        Distribution back = Distribution.FromJson(distribution.ToJson());
        Assert.Equal(distribution, back);
        Assert.Equal(distribution.GetType(), back.GetType());
    }

    [Fact]
    public void Categorical_choice_types_survive_the_round_trip()
    {
        var back = (CategoricalDistribution)Distribution.FromJson(new CategoricalDistribution([1, 2.0, 5_000_000_000L, true, null, "x"]).ToJson());
        Assert.IsType<int>(back.Choices[0]);
        Assert.IsType<double>(back.Choices[1]);
        Assert.IsType<long>(back.Choices[2]);
        Assert.IsType<bool>(back.Choices[3]);
        Assert.Null(back.Choices[4]);
        Assert.IsType<string>(back.Choices[5]);
    }

    [Fact]
    public void Json_has_a_type_discriminator_and_readable_fields()
    {
        Assert.Equal("""{"type":"float","low":0,"high":1,"log":false,"step":0.5}""", new FloatDistribution(0, 1, step: 0.5).ToJson());
        Assert.Equal("""{"type":"int","low":1,"high":8,"log":true,"step":1}""", new IntDistribution(1, 8, log: true).ToJson());
        Assert.Equal("""{"type":"categorical","choices":["a",1,2.0,null]}""", new CategoricalDistribution(["a", 1, 2.0, null]).ToJson());
    }

    [Fact]
    public void Invalid_json_domains_are_rejected_by_the_same_validation()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Distribution.FromJson("""{"type":"float","low":0,"high":1,"log":true}"""));
        Assert.Equal("low", e.ParamName);
        Assert.ThrowsAny<JsonException>(() => Distribution.FromJson("""{"type":"normal","mu":0}"""));
    }
}
