using AutoDnn.Search.Trials;
using AutoDnn.Web.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace AutoDnn.Web.Tests.Data;

public sealed class TrialQueryTests
{
    private static IQueryCollection Query(params (string Key, string Value)[] pairs) =>
        new QueryCollection(pairs.ToDictionary(p => p.Key, p => new StringValues(p.Value)));

    [Fact]
    public void Parses_every_option()
    {
        TrialQuery q = TrialQuery.Parse(Query(("state", "complete"), ("param", "lr"), ("pmin", "1e-3"), ("pmax", "0.01"), ("vmin", "-1"), ("vmax", "2.5"), ("sort", "param:lr"), ("desc", "1"), ("page", "3"), ("size", "20")));
        Assert.Equal(TrialState.Complete, q.State);
        Assert.Equal(("lr", 1e-3, 0.01, -1.0, 2.5), (q.Param, q.ParamMin!.Value, q.ParamMax!.Value, q.ValueMin!.Value, q.ValueMax!.Value));
        Assert.Equal(("param:lr", true, 3, 20), (q.Sort, q.Descending, q.Page, q.PageSize));
    }

    [Theory]
    [InlineData("state", "done", "'state' = 'done'")]
    [InlineData("pmin", "abc", "'pmin' = 'abc' is not a number")]
    [InlineData("page", "0", "'page' = '0'")]
    [InlineData("size", "5000", "'size' = '5000'")]
    public void Bad_options_name_the_option_and_value(string key, string value, string expected)
    {
        var e = Assert.Throws<ViewerRequestException>(() => TrialQuery.Parse(Query((key, value))));
        Assert.Contains(expected, e.Message);
        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public void Query_string_round_trips_and_applies_changes()
    {
        var q = new TrialQuery { State = TrialState.Fail, Param = "a b", ParamMin = 0.5, Sort = "value", Page = 2 };
        string text = q.ToQueryString(new Dictionary<string, string?> { ["page"] = null });
        Assert.Equal("?param=a%20b&pmin=0.5&sort=value&state=Fail", text);
        TrialQuery back = TrialQuery.Parse(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text)));
        Assert.Equal(q with { Page = 1 }, back);
    }
}
