using System.Diagnostics;
using AutoDnn.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AutoDnn.Web;

/// <summary>Times the viewer's heaviest pages over a store: a campaign dashboard and the trial table, as a browser fetches them.</summary>
public static class ViewerBenchmark
{
    /// <summary>
    /// One page's timings in milliseconds: the store read (uncached), the first request after it (which builds
    /// importance and charts for the snapshot), then each warm request. Requests are timed from send to the last byte
    /// over loopback, so they bound the server's time from above.
    /// </summary>
    public sealed record PageTiming(string Path, int Trials, double SnapshotMs, double FirstMs, IReadOnlyList<double> WarmMs, long Bytes)
    {
        public double MedianWarmMs => WarmMs.Order().ElementAt(WarmMs.Count / 2);
    }

    /// <summary>
    /// Serves the store on a free loopback port and fetches, for every campaign, its dashboard and first trial-table
    /// page once cold and then <paramref name="repeats"/> times; a first request to the campaign list warms up the JIT.
    /// </summary>
    public static async Task<IReadOnlyList<PageTiming>> RunAsync(string storage, int repeats, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        await using WebApplication app = ViewerApp.Build(new ViewerOptions { Storage = storage, Port = 0, RefreshInterval = TimeSpan.FromHours(1) });
        await app.StartAsync(cancel);
        using var http = new HttpClient { BaseAddress = ViewerApp.Address(app) };
        var store = app.Services.GetRequiredService<ViewerStore>();
        await Fetch(http, "/", cancel);
        var results = new List<PageTiming>();
        foreach (var study in store.Studies())
        {
            long start = Stopwatch.GetTimestamp();
            CampaignSnapshot snapshot = store.CampaignNow(study.StudyId)!;
            double snapshotMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            foreach (string path in new[] { $"/campaigns/{study.StudyId}", $"/campaigns/{study.StudyId}/trials?sort=value" })
            {
                (double first, _) = await Fetch(http, path, cancel);
                var warm = new List<double>();
                long bytes = 0;
                for (int i = 0; i < repeats; i++)
                {
                    (double ms, long size) = await Fetch(http, path, cancel);
                    warm.Add(ms);
                    bytes = size;
                }

                results.Add(new PageTiming(path, snapshot.Rows.Count, snapshotMs, first, warm, bytes));
            }
        }

        await app.StopAsync(cancel);
        return results;
    }

    private static async Task<(double Ms, long Bytes)> Fetch(HttpClient http, string path, CancellationToken cancel)
    {
        long start = Stopwatch.GetTimestamp();
        using HttpResponseMessage response = await http.GetAsync(path, cancel);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancel);
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        return (ms, body.LongLength);
    }
}
