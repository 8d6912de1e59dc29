using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using AutoDnn.Search.Trials;
using AutoDnn.Web.Charts;
using AutoDnn.Web.Components;
using AutoDnn.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AutoDnn.Web.Endpoints;

/// <summary>The viewer's routes: pages (server-rendered components), JSON for live refresh, CSV, and the script and style assets.</summary>
internal static class ViewerEndpoints
{
    public static void Map(WebApplication app, ViewerOptions options)
    {
        ViewerStore store = app.Services.GetService(typeof(ViewerStore)) as ViewerStore ?? throw new InvalidOperationException("ViewerStore is not registered.");
        PluginListing plugins = app.Services.GetService(typeof(PluginListing)) as PluginListing ?? throw new InvalidOperationException("PluginListing is not registered.");
        string plotlyPath = Path.Combine(options.AssetsFolder ?? Path.Combine(AppContext.BaseDirectory, "viewer-assets"), "plotly.min.js");
        var context = new PageContext(store.Location, (int)options.RefreshInterval.TotalMilliseconds, File.Exists(plotlyPath));

        app.MapGet("/", () => Page<CampaignsPage>(new() { ["Campaigns"] = Summaries(store), ["Context"] = context }));

        app.MapGet("/campaigns/{id:long}", (long id) => Guard(context, () =>
        {
            CampaignSnapshot s = Campaign(store, id);
            return Page<CampaignPage>(new() { ["Snapshot"] = s, ["Figures"] = CampaignFigures.For(s), ["Context"] = context });
        }));

        app.MapGet("/campaigns/{id:long}/trials", (long id, HttpRequest request) => Guard(context, () =>
        {
            CampaignSnapshot s = Campaign(store, id);
            TrialQuery query = TrialQuery.Parse(request.Query);
            return Page<TrialsPage>(new() { ["Snapshot"] = s, ["Query"] = query, ["Page"] = TrialTable.Page(s, query), ["Context"] = context });
        }));

        app.MapGet("/campaigns/{id:long}/trials.csv", (long id, HttpRequest request) => Guard(context, () =>
        {
            CampaignSnapshot s = Campaign(store, id);
            string csv = TrialCsv.Write(s, TrialTable.Select(s, TrialQuery.Parse(request.Query)));
            return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"campaign-{id}-trials.csv");
        }));

        app.MapGet("/campaigns/{id:long}/trials/{number:int}", (long id, int number) => Guard(context, () =>
        {
            CampaignSnapshot s = Campaign(store, id);
            FrozenTrial trial = Trial(store, s, number);
            return Page<Components.TrialPage>(new()
            {
                ["Study"] = s.Study,
                ["Trial"] = trial,
                ["Provenance"] = store.Provenance(trial.TrialId),
                ["Artifacts"] = store.Artifacts(trial.TrialId),
                ["Context"] = context,
            });
        }));

        app.MapGet("/campaigns/{id:long}/compare", (long id, HttpRequest request) => Guard(context, () =>
        {
            CampaignSnapshot s = Campaign(store, id);
            var trials = CompareNumbers(request.Query["trials"]).Select(n => Trial(store, s, n)).Select(t => new ComparedTrial(t, store.Provenance(t.TrialId))).ToList();
            bool diff = request.Query["diff"].ToString() is "1" or "true";
            return Page<ComparePage>(new() { ["Study"] = s.Study, ["Trials"] = trials, ["DifferencesOnly"] = diff, ["Context"] = context });
        }));

        app.MapGet("/plugins", () => Page<PluginsPage>(new()
        {
            ["Entries"] = plugins.Entries,
            ["Folders"] = plugins.Folders,
            ["LoadError"] = plugins.Error,
            ["Context"] = context,
        }));

        app.MapGet("/api/campaigns", () =>
        {
            var summaries = Summaries(store);
            var fields = new JsonObject();
            foreach (var (key, text) in summaries.SelectMany(LiveFields.Of))
            {
                fields[key] = text;
            }

            return Json(new JsonObject { ["fingerprint"] = LiveFields.Fingerprint(summaries), ["reload"] = false, ["fields"] = fields, ["figures"] = null });
        });

        app.MapGet("/api/campaigns/{id:long}/live", (long id, string? since) =>
        {
            if (store.Campaign(id) is not { } s)
            {
                return Results.NotFound();
            }

            var fields = new JsonObject();
            foreach (var (key, text) in LiveFields.Of(s.Summary))
            {
                fields[key] = text;
            }

            JsonObject? figures = null;
            if (since != s.Summary.Fingerprint)
            {
                figures = [];
                foreach (var (chart, figure) in CampaignFigures.For(s))
                {
                    figures[chart] = JsonNode.Parse(figure.ToJson());
                }
            }

            return Json(new JsonObject { ["fingerprint"] = s.Summary.Fingerprint, ["reload"] = false, ["fields"] = fields, ["figures"] = figures });
        });

        app.MapGet("/api/trials/{trialId:long}/live", (long trialId, string? since) =>
            store.Trial(trialId) is { } t
                ? Json(new JsonObject { ["fingerprint"] = TrialFingerprint.Of(t), ["reload"] = since is not null && since != TrialFingerprint.Of(t) })
                : Results.NotFound());

        // Assets change only with a new build: let browsers keep them for an hour.
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
            {
                http.Response.Headers.CacheControl = "public, max-age=3600";
            }

            await next(http);
        });
        app.MapGet("/assets/viewer.js", () => Asset("viewer.js", "text/javascript; charset=utf-8"));
        app.MapGet("/assets/viewer.css", () => Asset("viewer.css", "text/css; charset=utf-8"));
        app.MapGet("/assets/plotly.min.js", () => File.Exists(plotlyPath)
            ? Results.File(plotlyPath, "text/javascript; charset=utf-8", lastModified: File.GetLastWriteTimeUtc(plotlyPath), entityTag: null)
            : Results.NotFound($"plotly.min.js is not installed at {plotlyPath}; ./build.sh build installs it."));

        app.MapFallback((HttpContext http) => Page<ErrorPage>(
            new() { ["StatusCode"] = 404, ["Message"] = $"No page at '{http.Request.Path}'.", ["Context"] = context },
            StatusCodes.Status404NotFound));
    }

    /// <summary>The numbers of a compare request: 2–6 distinct trial numbers from "trials=3,7" or "trials=3&amp;trials=7".</summary>
    internal static IReadOnlyList<int> CompareNumbers(IEnumerable<string?> values)
    {
        var numbers = new List<int>();
        foreach (string part in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            int n = int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed)
                ? parsed
                : throw new ViewerRequestException($"Query option 'trials': '{part}' is not a trial number.");
            if (!numbers.Contains(n))
            {
                numbers.Add(n);
            }
        }

        return numbers.Count is >= 2 and <= 6
            ? numbers
            : throw new ViewerRequestException($"Query option 'trials' names {numbers.Count} distinct trials; the compare view takes 2 to 6 (e.g. trials=3,7).");
    }

    private static List<CampaignSummary> Summaries(ViewerStore store) =>
        [.. store.Studies().Select(s => store.Campaign(s.StudyId)).OfType<CampaignSnapshot>().Select(s => s.Summary)];

    private static CampaignSnapshot Campaign(ViewerStore store, long id) =>
        store.Campaign(id) ?? throw new ViewerRequestException($"No campaign with id {id} in {store.Location}.", StatusCodes.Status404NotFound);

    // The snapshot may be a refresh interval old: a trial created since is looked up in a fresh read.
    private static FrozenTrial Trial(ViewerStore store, CampaignSnapshot s, int number)
    {
        TrialRow? row = s.ByNumber.GetValueOrDefault(number) ?? store.CampaignNow(s.Study.StudyId)?.ByNumber.GetValueOrDefault(number);
        return (row is null ? null : store.Trial(row.Trial.TrialId))
            ?? throw new ViewerRequestException($"Campaign '{s.Study.Name}' has no trial #{number}.", StatusCodes.Status404NotFound);
    }

    private static IResult Guard(PageContext context, Func<IResult> page)
    {
        try
        {
            return page();
        }
        catch (ViewerRequestException e)
        {
            return Page<ErrorPage>(new() { ["StatusCode"] = e.StatusCode, ["Message"] = e.Message, ["Context"] = context }, e.StatusCode);
        }
    }

    private static RazorComponentResult Page<TComponent>(Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TComponent>(parameters) { StatusCode = status, ContentType = "text/html; charset=utf-8" };

    private static IResult Json(JsonObject payload) =>
        Results.Text(PlotlyFigure.Serialize(payload), "application/json; charset=utf-8");

    private static IResult Asset(string name, string contentType)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The viewer assembly lacks its embedded asset '{name}'.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Results.Bytes(buffer.ToArray(), contentType);
    }
}
