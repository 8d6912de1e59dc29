using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sqlite;
using AutoDnn.Web.Tests.Seeding;
using Microsoft.Playwright;

namespace AutoDnn.Web.Tests.Browser;

/// <summary>End to end in Debian's Chromium: every page opens with the seeded numbers and drawn charts, hostile text stays text, pages refresh live.</summary>
[Collection(ViewerCollection.Name)]
public sealed class BrowserTests(ViewerFixture fixture) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    private long Id => fixture.Store.CampaignId;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (IPage page in _pages)
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Campaigns_page_shows_the_numbers_and_the_hostile_name_as_text()
    {
        IPage page = await Open("/", "campaigns");
        Assert.Equal(ViewerSeed.HostileName, await page.Locator($"tr[data-campaign='{Id}'] td a").InnerTextAsync());
        Assert.Equal("30", await Field(page, "total"));
        Assert.Equal("24", await Field(page, "complete"));
        Assert.Equal("0.001 (#7)", await Field(page, "best"));
        Assert.Equal("w1", await Field(page, "workers"));
        await AssertNoScriptRan(page);
    }

    [Fact]
    public async Task Campaign_dashboard_draws_every_chart()
    {
        IPage page = await Open($"/campaigns/{Id}", "campaign");
        Assert.Equal(ViewerSeed.HostileName, await page.Locator("#campaign-name").InnerTextAsync());
        foreach (string chart in new[] { "history", "parallel", "importance", "intermediate-0", "intermediate-1", "slice-0", "contour", "timeline" })
        {
            await page.Locator($"#{chart}[data-drawn] .main-svg").First.WaitForAsync();
        }

        Assert.Equal("2", await page.Locator("#history").GetAttributeAsync("data-drawn")); // values and best so far
        await AssertNoScriptRan(page);
    }

    [Fact]
    public async Task Trial_table_sorts_filters_and_pages()
    {
        IPage page = await Open($"/campaigns/{Id}/trials?sort=value&size=5", "trials");
        Assert.Equal("7", await page.Locator("#trials tbody tr").First.GetAttributeAsync("data-number"));
        Assert.Contains("page 1 of 6", await page.Locator("#match-count").InnerTextAsync());
        await page.Locator("#next-page").ClickAsync();
        Assert.Contains("page 2 of 6", await page.Locator("#match-count").InnerTextAsync());
        await page.SelectOptionAsync("select[name=state]", "Fail");
        await page.Locator("form.filters button").ClickAsync();
        Assert.Contains("2 of 30 trials match", await page.Locator("#match-count").InnerTextAsync());
        Assert.Contains(ViewerSeed.HostileChoice, await page.Locator("#trials").InnerTextAsync()); // shown as text
        await AssertNoScriptRan(page);
    }

    [Fact]
    public async Task Trial_page_shows_results_curves_confusion_and_provenance()
    {
        IPage page = await Open($"/campaigns/{Id}/trials/7", "trial");
        Assert.Equal("0.001", await page.Locator("#value-0").InnerTextAsync());
        Assert.Contains("node-a", await page.Locator("#provenance").InnerTextAsync());
        Assert.Contains("weights", await page.Locator("#artifacts").InnerTextAsync());
        await page.Locator("#curves[data-drawn] .main-svg").First.WaitForAsync();
        await page.Locator("#confusion[data-drawn] .main-svg").First.WaitForAsync();
        Assert.Equal("2", await page.Locator("#curves").GetAttributeAsync("data-drawn")); // one curve per fold
    }

    [Fact]
    public async Task Compare_view_shows_the_differing_parameters_and_toggles_to_differences_only()
    {
        IPage page = await Open($"/campaigns/{Id}/compare?trials=7,8,10", "compare");
        Assert.Equal("differs", await page.Locator("tr[data-row='param lr']").GetAttributeAsync("class"));
        Assert.Equal("differs", await page.Locator("tr[data-row='provenance Host']").GetAttributeAsync("class"));
        await page.Locator("#compare-curves[data-drawn] .main-svg").First.WaitForAsync();
        await page.Locator("#diff-toggle").ClickAsync();
        await page.WaitForURLAsync("**diff=1");
        Assert.Equal(0, await page.Locator("tr.same").CountAsync());
        Assert.Equal(1, await page.Locator("tr[data-row='param optimizer']").CountAsync()); // adam, sgd, hostile choice
        Assert.Contains(ViewerSeed.HostileChoice, await page.Locator("#compare-params").InnerTextAsync());
        await Shot(page, "compare-differences");
        await AssertNoScriptRan(page);
    }

    [Fact]
    public async Task Plugins_page_lists_the_failed_dll()
    {
        IPage page = await Open("/plugins", "plugins");
        Assert.Contains("NotAssembly", await page.Locator("#plugins").InnerTextAsync());
    }

    [Fact]
    public async Task Open_campaign_page_refreshes_when_a_trial_finishes()
    {
        long multi = fixture.Store.MultiId;
        IPage page = await Open($"/campaigns/{multi}", "live-before");
        string before = await page.Locator($"[data-live-field='c{multi}.total']").InnerTextAsync();
        using (var storage = new SqliteStudyStorage(fixture.Store.Path))
        {
            storage.CreateTrial(multi, ViewerSeed.Trial(50, TrialState.Complete, 1, folds: 1) with { Values = [0.5, 4] });
        }

        string expected = (int.Parse(before, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator($"[data-live-field='c{multi}.total']")).ToHaveTextAsync(expected, new() { Timeout = 60_000 });
        await Shot(page, "live-after");
    }

    private async Task<IPage> Open(string path, string screenshot)
    {
        IPage page = await (await fixture.ContextAsync()).NewPageAsync();
        _pages.Add(page);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        IResponse? response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.True(response is { Ok: true }, $"{path}: HTTP {response?.Status}");
        if (await page.Locator("div.chart").CountAsync() > 0)
        {
            await page.Locator("body[data-charts-drawn]").WaitForAsync();
        }

        await Shot(page, screenshot);
        Assert.Empty(errors);
        return page;
    }

    private Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, name + ".png"), FullPage = true });

    private Task<string> Field(IPage page, string name) => page.Locator($"[data-live-field='c{Id}.{name}']").InnerTextAsync();

    private static async Task AssertNoScriptRan(IPage page)
    {
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
    }
}
