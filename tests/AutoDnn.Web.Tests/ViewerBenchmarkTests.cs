using System.Diagnostics;
using System.Globalization;
using AutoDnn.Web.Tests.Seeding;
using Xunit.Abstractions;

namespace AutoDnn.Web.Tests;

/// <summary>The benchmark: the campaign page over a 10,000-trial store renders in under a second of server time.</summary>
public sealed class ViewerBenchmarkTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "autodnn-web-bench", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Campaign_page_over_ten_thousand_trials_renders_in_under_a_second_of_server_time()
    {
        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, "large.db");
        var seeding = Stopwatch.StartNew();
        ViewerSeed.Large(path, 10_000);
        seeding.Stop();

        var timings = await ViewerBenchmark.RunAsync("sqlite:///" + path, repeats: 3);

        var lines = new List<string> { $"seeded 10,000 trials in {seeding.Elapsed.TotalSeconds:F1} s" };
        lines.AddRange(timings.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t.Path}: trials {t.Trials}, store read {t.SnapshotMs:F0} ms, server median {t.MedianServerMs:F1} ms (max {t.ServerMs.Max():F1}), round trip median {t.MedianRoundTripMs:F1} ms, {t.Bytes / 1024} KiB")));
        lines.ForEach(output.WriteLine);
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "viewer-benchmark.txt"), lines);

        var dashboard = timings.Single(t => !t.Path.Contains("trials", StringComparison.Ordinal));
        Assert.Equal(10_000, dashboard.Trials);
        Assert.True(dashboard.MedianServerMs < 1000, $"campaign page: median server time {dashboard.MedianServerMs:F0} ms");
        var table = timings.Single(t => t.Path.Contains("trials", StringComparison.Ordinal));
        Assert.True(table.MedianServerMs < 1000, $"trial table: median server time {table.MedianServerMs:F0} ms");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
