using System.Diagnostics;
using System.Globalization;
using AutoDnn.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AutoDnn.Web;

/// <summary>Times the viewer's heaviest pages over a store: a campaign dashboard and the trial table, warm, as a browser would fetch them.</summary>
public static class ViewerBenchmark
{
    /// <summary>One page's timings: the store read (first, uncached), then server time and round trip of each warm request, in milliseconds.</summary>
    /// <remarks><paramref name="FirstServerMs"/> is the first request after the read: it builds the charts, which later requests reuse until the next read.</remarks>
    public sealed record PageTiming(string Path, int Trials, double SnapshotMs, double FirstServerMs, IReadOnlyList<double> ServerMs, IReadOnlyList<double> RoundTripMs, long Bytes)
    {
        public double MedianServerMs => Median(ServerMs);

        public double MedianRoundTripMs => Median(RoundTripMs);

        private static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);
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
                double first = (await Fetch(http, path, cancel)).ServerMs; // builds importance and charts for this snapshot
                var server = new List<double>();
                var roundTrip = new List<double>();
                long bytes = 0;
                for (int i = 0; i < repeats; i++)
                {
                    (double serverMs, double wallMs, long size) = await Fetch(http, path, cancel);
                    server.Add(serverMs);
                    roundTrip.Add(wallMs);
                    bytes = size;
                }

                results.Add(new PageTiming(path, snapshot.Rows.Count, snapshotMs, first, server, roundTrip, bytes));
            }
        }

        await app.StopAsync(cancel);
        return results;
    }

    private static async Task<(double ServerMs, double WallMs, long Bytes)> Fetch(HttpClient http, string path, CancellationToken cancel)
    {
        long start = Stopwatch.GetTimestamp();
        using HttpResponseMessage response = await http.GetAsync(path, cancel);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancel);
        double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        string timing = response.Headers.TryGetValues("Server-Timing", out var values) ? values.First() : throw new InvalidOperationException($"{path} sent no Server-Timing header.");
        double server = double.Parse(timing[(timing.IndexOf("dur=", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture);
        return (server, wall, body.LongLength);
    }
}
