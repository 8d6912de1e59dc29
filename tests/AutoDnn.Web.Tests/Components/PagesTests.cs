using System.Text.Json;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage;
using AutoDnn.Web.Charts;
using AutoDnn.Web.Components;
using AutoDnn.Web.Data;
using AutoDnn.Web.Tests.Seeding;

namespace AutoDnn.Web.Tests.Components;

/// <summary>The pages rendered with HtmlRenderer: the right numbers, and user text always escaped.</summary>
public sealed class PagesTests
{
    private static readonly PageContext Context = new("/tmp/x.db", 2000, PlotlyAvailable: true);

    private static CampaignSnapshot Hostile(int n) => new(
        new StudyRecord { StudyId = 4, Name = ViewerSeed.HostileName, Directions = [StudyDirection.Minimize] },
        [.. Enumerable.Range(0, n).Select(i => ViewerSeed.Trial(i, TrialState.Complete, 1.0 / (i + 1), 2) with { Number = i, TrialId = 10 + i })],
        ViewerSeed.Epoch);

    [Fact]
    public async Task Campaigns_page_lists_counts_best_and_escapes_the_name()
    {
        CampaignSnapshot s = Hostile(5);
        string html = await Render.HtmlAsync<CampaignsPage>(new() { ["Campaigns"] = new[] { s.Summary }, ["Context"] = Context });
        Assert.Contains("mnist &lt;script&gt;window.__xss = 1&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>window.__xss", html);
        Assert.Contains("data-live-field=\"c4.total\">5<", html);
        Assert.Contains("data-live-field=\"c4.complete\">5<", html);
        Assert.Contains("data-live-field=\"c4.best\">0.2 (#4)<", html);
        Assert.Contains("href=\"/campaigns/4\"", html);
    }

    [Fact]
    public async Task Campaign_page_shows_the_final_model_scored_on_the_test_split()
    {
        CampaignSnapshot plain = Hostile(6);
        string without = await Render.HtmlAsync<CampaignPage>(new() { ["Snapshot"] = plain, ["Figures"] = Array.Empty<KeyValuePair<string, PlotlyFigure>>(), ["Context"] = Context });
        Assert.DoesNotContain("id=\"final-model\"", without);

        // What CampaignFinalizer stores after the budget.
        var final = System.Text.Json.JsonDocument.Parse("""
            {"trial": 5, "validation_value": 0.97, "test_metrics": {"loss": 0.0546, "accuracy": 0.9833, "f1_macro": 0.9832},
             "model_folder": "/x", "training_examples": 1438, "epochs": 6}
            """).RootElement.Clone();
        var study = plain.Study with { UserAttributes = new Dictionary<string, System.Text.Json.JsonElement> { ["final_model"] = final } };
        var s = new CampaignSnapshot(study, [.. plain.Rows.Select(r => r.Trial)], ViewerSeed.Epoch);
        string html = await Render.HtmlAsync<CampaignPage>(new() { ["Snapshot"] = s, ["Figures"] = Array.Empty<KeyValuePair<string, PlotlyFigure>>(), ["Context"] = Context });

        Assert.Contains("retrained on all 1438 training examples for 6 epochs", html);
        Assert.Contains("href=\"/campaigns/4/trials/5\"", html);
        int accuracy = html.IndexOf("<th>accuracy</th><td class=\"num\">0.9833</td>", StringComparison.Ordinal);
        int loss = html.IndexOf("<th>loss</th>", StringComparison.Ordinal);
        Assert.True(accuracy > 0 && loss > accuracy, "accuracy first, then the rest");
    }

    [Fact]
    public async Task Campaign_page_embeds_every_chart_as_escaped_json()
    {
        CampaignSnapshot s = Hostile(12);
        var figures = CampaignFigures.Build(s, ViewerSeed.Epoch.AddHours(1));
        string html = await Render.HtmlAsync<CampaignPage>(new() { ["Snapshot"] = s, ["Figures"] = figures, ["Context"] = Context });
        foreach (string id in new[] { "history", "parallel", "importance", "intermediate-0", "intermediate-1", "slice-0", "slice-1", "slice-2", "contour", "timeline" })
        {
            Assert.Contains($"<div class=\"chart\" id=\"{id}\"", html);
        }

        // The hostile categorical choice reaches the parallel-coordinates ticks, but only as \u003C-escaped JSON.
        Assert.Contains("\\u003Cscript\\u003Ewindow.__xss = 2\\u003C/script\\u003E", html);
        Assert.DoesNotContain("<script>window.__xss", html);
    }

    [Fact]
    public async Task Chart_json_cannot_close_its_script_element()
    {
        var figure = new PlotlyFigure("</script><script>alert(1)</script> & 'quotes'");
        string html = await Render.HtmlAsync<PlotlyChart>(new() { ["Id"] = "c", ["Figure"] = figure });
        Assert.Equal(1, html.Split("</script>").Length - 1);
        string json = html[(html.IndexOf("application/json\" id=\"c-json\">", StringComparison.Ordinal) + 30)..html.LastIndexOf("</script>", StringComparison.Ordinal)];
        using JsonDocument parsed = JsonDocument.Parse(json);
        Assert.Equal("</script><script>alert(1)</script> & 'quotes'", parsed.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Trials_page_shows_the_page_rows_sort_links_and_escaped_values()
    {
        CampaignSnapshot s = Hostile(30);
        var query = new TrialQuery { Sort = "value", PageSize = 10, Page = 2 };
        string html = await Render.HtmlAsync<TrialsPage>(new() { ["Snapshot"] = s, ["Query"] = query, ["Page"] = TrialTable.Page(s, query), ["Context"] = Context });
        Assert.Contains("30 of 30 trials match · page 2 of 3", html);
        Assert.Contains("data-number=\"19\"", html); // values 1/(n+1) ascending: page 2 holds trials 19..10
        Assert.DoesNotContain("data-number=\"9\"", html);
        Assert.Contains("&lt;script&gt;window.__xss = 2&lt;/script&gt;", html);
        Assert.Contains("href=\"/campaigns/4/trials?desc=1&amp;size=10&amp;sort=value\"", html);
    }

    [Fact]
    public async Task Trial_page_shows_metrics_folds_provenance_and_artifacts()
    {
        FrozenTrial trial = ViewerSeed.Trial(3, TrialState.Complete, 0.25, 2) with { Number = 3, TrialId = 13 };
        var study = new StudyRecord { StudyId = 4, Name = "s", Directions = [StudyDirection.Minimize] };
        var artifact = new TrialArtifact(13, "weights", "/runs/w.bin", "abc123", 2048, ViewerSeed.Epoch);
        string html = await Render.HtmlAsync<TrialPage>(new()
        {
            ["Study"] = study,
            ["Trial"] = trial,
            ["Provenance"] = new TrialProvenance { Seed = 42, Device = "cuda:0", LibTorchVersion = "2.1.2" },
            ["Artifacts"] = new[] { artifact },
            ["Context"] = Context,
        });
        Assert.Contains("id=\"value-0\">0.25<", html);
        Assert.Contains("<th>accuracy</th>", html);
        Assert.Contains(">0.53<", html);
        Assert.Contains("id=\"fold-metrics\"", html);
        Assert.Contains("<th>Seed</th><td>42</td>", html);
        Assert.Contains("<th>Device</th><td>cuda:0</td>", html);
        Assert.Contains("/runs/w.bin", html);
        Assert.Contains("id=\"confusion\"", html);
        Assert.Contains("id=\"confusion-fold-1\"", html);
        Assert.Contains("dog \\u003Cb\\u003E", html); // a class name, inside chart JSON only
    }

    [Fact]
    public async Task Compare_page_marks_differences_and_can_hide_equal_rows()
    {
        var study = new StudyRecord { StudyId = 4, Name = "s", Directions = [StudyDirection.Minimize] };
        FrozenTrial a = ViewerSeed.Trial(0, TrialState.Complete, 0.5, 1) with { Number = 0 };
        FrozenTrial b = ViewerSeed.Trial(4, TrialState.Complete, 0.5, 1) with { Number = 4 }; // same layers (1) and value, another lr and optimizer
        var trials = new[] { new ComparedTrial(a, new TrialProvenance { Device = "cpu", Seed = 1 }), new ComparedTrial(b, new TrialProvenance { Device = "cpu", Seed = 2 }) };
        string all = await Render.HtmlAsync<ComparePage>(new() { ["Study"] = study, ["Trials"] = trials, ["DifferencesOnly"] = false, ["Context"] = Context });
        Assert.Contains("<tr class=\"differs\" data-row=\"param lr\">", all);
        Assert.Contains("<tr class=\"same\" data-row=\"param layers\">", all);
        Assert.Contains("<tr class=\"same\" data-row=\"Value\">", all);
        Assert.Contains("<tr class=\"differs\" data-row=\"provenance Seed\">", all);
        Assert.Contains("/campaigns/4/compare?trials=0,4&amp;diff=1", all);

        string diff = await Render.HtmlAsync<ComparePage>(new() { ["Study"] = study, ["Trials"] = trials, ["DifferencesOnly"] = true, ["Context"] = Context });
        Assert.Contains("data-row=\"param lr\"", diff);
        Assert.Contains("data-row=\"param optimizer\"", diff);
        Assert.DoesNotContain("data-row=\"param layers\"", diff);
        Assert.DoesNotContain("data-row=\"provenance Device\"", diff);
        Assert.Contains("id=\"confusion-0\"", diff);
        Assert.Contains("id=\"confusion-4\"", diff);
    }

    [Fact]
    public async Task Plugins_page_escapes_descriptions_and_errors()
    {
        var entries = new[]
        {
            new AutoDnn.Hosting.Plugins.PluginEntry { Name = "good", Description = "<img src=x onerror=alert(1)>", AssemblyPath = "/p/good.dll", Sha256 = "0123456789abcdef", Status = AutoDnn.Hosting.Plugins.PluginStatus.Loaded },
            new AutoDnn.Hosting.Plugins.PluginEntry { AssemblyPath = "/p/bad.dll", Sha256 = "ff", Status = AutoDnn.Hosting.Plugins.PluginStatus.NotAssembly, Error = "bad.dll is not <b>.NET</b>" },
        };
        string html = await Render.HtmlAsync<PluginsPage>(new() { ["Entries"] = entries, ["Folders"] = new[] { "/p" }, ["Context"] = Context });
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("bad.dll is not &lt;b&gt;.NET&lt;/b&gt;", html);
        Assert.Contains("<td class=\"status\">NotAssembly</td>", html);
        Assert.Contains("<code>0123456789ab</code>", html);
    }
}
