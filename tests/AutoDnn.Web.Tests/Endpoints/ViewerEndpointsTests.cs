using System.Net;
using System.Text.Json;
using AutoDnn.Web.Tests.Seeding;

namespace AutoDnn.Web.Tests.Endpoints;

/// <summary>The viewer's routes over HTTP (a real Kestrel on a free loopback port, over the seeded store).</summary>
[Collection(ViewerCollection.Name)]
public sealed class ViewerEndpointsTests(ViewerFixture fixture)
{
    private HttpClient Http => fixture.Http;

    private long Id => fixture.Store.CampaignId;

    [Fact]
    public async Task Campaigns_list_shows_both_campaigns_escaped_with_server_timing()
    {
        using HttpResponseMessage response = await Http.GetAsync("/");
        string html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("app;dur=", response.Headers.GetValues("Server-Timing").Single());
        Assert.Contains("mnist &lt;script&gt;window.__xss = 1&lt;/script&gt;", html);
        Assert.Contains(ViewerSeed.MultiName, html);
        Assert.Contains($"data-live-field=\"c{Id}.best\">0.001 (#7)<", html);
        Assert.Contains($"data-live-field=\"c{Id}.fail\">2<", html);
        Assert.Contains($"data-live-field=\"c{Id}.workers\">w1<", html);
        Assert.DoesNotContain("<script>window.__xss", html);
    }

    [Fact]
    public async Task Campaign_page_shows_summary_and_charts()
    {
        string html = await Http.GetStringAsync($"/campaigns/{Id}");
        Assert.Contains($"data-live-field=\"c{Id}.total\">30<", html);
        Assert.Contains($"data-live-field=\"c{Id}.complete\">24<", html);
        Assert.Contains("id=\"history\"", html);
        Assert.Contains("id=\"timeline\"", html);
        Assert.Contains($"/campaigns/{Id}/trials/7", html);
    }

    [Fact]
    public async Task Trial_table_filters_and_reports_bad_options_with_400()
    {
        string html = await Http.GetStringAsync($"/campaigns/{Id}/trials?state=Pruned");
        Assert.Contains("2 of 30 trials match", html);
        using HttpResponseMessage bad = await Http.GetAsync($"/campaigns/{Id}/trials?vmin=low");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Query option &#x27;vmin&#x27; = &#x27;low&#x27; is not a number.", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Csv_download_holds_the_filtered_selection()
    {
        using HttpResponseMessage response = await Http.GetAsync($"/campaigns/{Id}/trials.csv?state=Complete&sort=value");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"campaign-{Id}-trials.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        string[] lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(25, lines.Length);
        Assert.StartsWith("7,Complete,0.001,", lines[1]);
        Assert.Contains(lines, l => l.Contains(",<script>window.__xss = 2</script>,", StringComparison.Ordinal)); // CSV is data, not HTML
    }

    [Fact]
    public async Task Trial_page_shows_provenance_and_artifacts_from_the_store()
    {
        string html = await Http.GetStringAsync($"/campaigns/{Id}/trials/7");
        Assert.Contains("<th>Host</th><td>node-a</td>", html);
        Assert.Contains("<th>Plugin SHA-256</th><td>ab12cd34</td>", html);
        Assert.Contains("trial7.bin", html);
        Assert.Contains("74f81fe167d99b4cb41d6d0ccda82278caee9f3e2f25d5e5a3936ff3dcec60d0", html); // SHA-256 of bytes 1..5
        string failed = await Http.GetStringAsync($"/campaigns/{Id}/trials/26");
        Assert.Contains("NaN loss at epoch 3 &lt;script&gt;", failed);
    }

    [Fact]
    public async Task Compare_needs_two_to_six_existing_trials()
    {
        using HttpResponseMessage one = await Http.GetAsync($"/campaigns/{Id}/compare?trials=7");
        Assert.Equal(HttpStatusCode.BadRequest, one.StatusCode);
        Assert.Contains("names 1 distinct trials; the compare view takes 2 to 6", await one.Content.ReadAsStringAsync());
        using HttpResponseMessage missing = await Http.GetAsync($"/campaigns/{Id}/compare?trials=7,300");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        string html = await Http.GetStringAsync($"/campaigns/{Id}/compare?trials=7&trials=8");
        Assert.Contains("<tr class=\"differs\" data-row=\"provenance Host\">", html);
        Assert.Contains("<td>node-a</td>", html);
        Assert.Contains("<td>node-b</td>", html);
    }

    [Fact]
    public async Task Unknown_campaign_and_path_are_404_pages()
    {
        using HttpResponseMessage campaign = await Http.GetAsync("/campaigns/999");
        Assert.Equal(HttpStatusCode.NotFound, campaign.StatusCode);
        Assert.Contains("No campaign with id 999", await campaign.Content.ReadAsStringAsync());
        using HttpResponseMessage path = await Http.GetAsync("/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, path.StatusCode);
    }

    [Fact]
    public async Task The_viewer_accepts_no_writes()
    {
        using HttpResponseMessage post = await Http.PostAsync($"/campaigns/{Id}", new StringContent("x"));
        Assert.True(post.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, post.StatusCode.ToString());
        using HttpResponseMessage delete = await Http.DeleteAsync($"/campaigns/{Id}");
        Assert.True(delete.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, delete.StatusCode.ToString());
    }

    [Fact]
    public async Task Live_endpoint_sends_figures_only_when_the_fingerprint_changed()
    {
        using JsonDocument first = JsonDocument.Parse(await Http.GetStringAsync($"/api/campaigns/{Id}/live"));
        string fingerprint = first.RootElement.GetProperty("fingerprint").GetString()!;
        Assert.Equal(JsonValueKind.Object, first.RootElement.GetProperty("figures").ValueKind);
        Assert.True(first.RootElement.GetProperty("figures").TryGetProperty("history", out _));
        Assert.Equal("0.001 (#7)", first.RootElement.GetProperty("fields").GetProperty($"c{Id}.best").GetString());

        using JsonDocument again = JsonDocument.Parse(await Http.GetStringAsync($"/api/campaigns/{Id}/live?since={Uri.EscapeDataString(fingerprint)}"));
        Assert.Equal(JsonValueKind.Null, again.RootElement.GetProperty("figures").ValueKind);
    }

    [Fact]
    public async Task Plugins_page_lists_a_failed_dll_with_its_status()
    {
        string html = await Http.GetStringAsync("/plugins");
        Assert.Contains("not-a-plugin.dll", html);
        Assert.Contains("<td class=\"status\">NotAssembly</td>", html);
    }

    [Fact]
    public async Task Assets_are_served()
    {
        Assert.Contains("Plotly.react", await Http.GetStringAsync("/assets/viewer.js"));
        Assert.Contains("table.grid", await Http.GetStringAsync("/assets/viewer.css"));
        using HttpResponseMessage plotly = await Http.GetAsync("/assets/plotly.min.js");
        Assert.Equal(HttpStatusCode.OK, plotly.StatusCode); // ./build.sh installs plotly.js-dist-min; the build copies it next to the app
    }
}
