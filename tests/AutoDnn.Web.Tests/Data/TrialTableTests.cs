using System.Diagnostics;
using AutoDnn.Search.Trials;
using AutoDnn.Web.Data;
using AutoDnn.Web.Tests.Seeding;

namespace AutoDnn.Web.Tests.Data;

public sealed class TrialTableTests
{
    [Fact]
    public void Filters_by_state_and_counts_the_matches()
    {
        CampaignSnapshot s = Snapshots.Of(35);
        TrialTablePage page = TrialTable.Page(s, new TrialQuery { State = TrialState.Fail });
        Assert.Equal(5, page.Matching); // 6, 13, 20, 27, 34
        Assert.All(page.Rows, r => Assert.Equal(TrialState.Fail, r.Trial.State));
    }

    [Fact]
    public void Sorts_by_value_with_untold_trials_last_in_both_directions()
    {
        CampaignSnapshot s = Snapshots.Of(30);
        var ascending = TrialTable.Select(s, new TrialQuery { Sort = "value" });
        var descending = TrialTable.Select(s, new TrialQuery { Sort = "value", Descending = true });
        var told = ascending.TakeWhile(r => r.Values is not null).Select(r => r.Values![0]).ToList();
        Assert.Equal(told.Order(), told);
        Assert.Equal(told.OrderDescending(), descending.TakeWhile(r => r.Values is not null).Select(r => r.Values![0]));
        Assert.Null(ascending[^1].Values);
        Assert.Null(descending[^1].Values);
    }

    [Fact]
    public void Filters_a_numeric_parameter_range_and_a_categorical_value()
    {
        CampaignSnapshot s = Snapshots.Of(40);
        var layers = TrialTable.Select(s, new TrialQuery { Param = "layers", ParamMin = 2, ParamMax = 3 });
        Assert.Equal(20, layers.Count);
        Assert.All(layers, r => Assert.InRange((int)r.Params[s.ParamNames.ToList().IndexOf("layers")]!, 2, 3));
        var sgd = TrialTable.Select(s, new TrialQuery { Param = "optimizer", ParamValue = "sgd" });
        Assert.Equal(Enumerable.Range(0, 40).Where(i => i % 3 == 1), sgd.Select(r => r.Trial.Number));
    }

    [Fact]
    public void Filters_a_value_range()
    {
        CampaignSnapshot s = Snapshots.Of(50);
        var rows = TrialTable.Select(s, new TrialQuery { ValueMin = 0.2, ValueMax = 0.5 });
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.InRange(r.Values![0], 0.2, 0.5));
    }

    [Fact]
    public void Pages_clamp_to_the_last_page()
    {
        CampaignSnapshot s = Snapshots.Of(45);
        TrialTablePage page = TrialTable.Page(s, new TrialQuery { PageSize = 20, Page = 9 });
        Assert.Equal((3, 3, 45), (page.Page, page.PageCount, page.Matching));
        Assert.Equal(Enumerable.Range(40, 5), page.Rows.Select(r => r.Trial.Number));
    }

    [Fact]
    public void Unknown_parameter_or_sort_column_names_the_option_and_value()
    {
        CampaignSnapshot s = Snapshots.Of(3);
        var e = Assert.Throws<ViewerRequestException>(() => TrialTable.Select(s, new TrialQuery { Param = "momentum" }));
        Assert.Contains("'param' = 'momentum'", e.Message);
        Assert.Contains("layers, lr, optimizer", e.Message);
        e = Assert.Throws<ViewerRequestException>(() => TrialTable.Select(s, new TrialQuery { Sort = "colour" }));
        Assert.Contains("'sort' = 'colour'", e.Message);
    }

    [Fact]
    public void Sorting_and_paging_ten_thousand_trials_takes_milliseconds()
    {
        CampaignSnapshot s = Snapshots.Of(10_000);
        TrialTable.Page(s, new TrialQuery { Sort = "param:lr" }); // warm-up (JIT)
        var watch = Stopwatch.StartNew();
        TrialTablePage page = TrialTable.Page(s, new TrialQuery { Sort = "value", Descending = true, State = TrialState.Complete, Page = 40 });
        watch.Stop();
        Assert.Equal(50, page.Rows.Count);
        Assert.True(watch.ElapsedMilliseconds < 250, $"sorting and paging 10,000 trials took {watch.ElapsedMilliseconds} ms");
    }
}
