using System.Diagnostics;
using System.Globalization;
using AutoDnn.Web.Tests.Seeding;
using Xunit.Abstractions;

namespace AutoDnn.Web.Tests;

/// <summary>
/// The benchmark: the campaign page and the trial table render in under a second (send to last byte over loopback, an upper bound on server time). The suite seeds
/// 1,000 trials (seeding goes through storage one transaction per trial, about a minute for 10,000 on a busy machine);
/// AUTODNN_VIEWER_BENCH_TRIALS=10000 runs the size, and AUTODNN_VIEWER_BENCH_DB=path keeps that store for
/// <c>autodnn serve --bench</c>.
/// </summary>
public sealed class ViewerBenchmarkTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "autodnn-web-bench", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Campaign_page_and_trial_table_render_in_under_a_second_of_server_time()
    {
        int trials = int.TryParse(Environment.GetEnvironmentVariable("AUTODNN_VIEWER_BENCH_TRIALS"), out int n) && n > 0 ? n : 1000;
        Directory.CreateDirectory(_folder);
        string path = Environment.GetEnvironmentVariable("AUTODNN_VIEWER_BENCH_DB") is { Length: > 0 } keep ? keep : Path.Combine(_folder, "large.db");
        Assert.False(File.Exists(path), $"{path} exists already; the benchmark seeds a new store.");
        var seeding = Stopwatch.StartNew();
        ViewerSeed.Large(path, trials);
        seeding.Stop();

        var timings = await ViewerBenchmark.RunAsync("sqlite:///" + path, repeats: 3);

        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"seeded {trials} trials in {seeding.Elapsed.TotalSeconds:F1} s") };
        lines.AddRange(timings.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t.Path}: trials {t.Trials}, store read {t.SnapshotMs:F0} ms, first request {t.FirstMs:F0} ms, warm median {t.MedianWarmMs:F1} ms (max {t.WarmMs.Max():F1}), {t.Bytes / 1024} KiB")));
        lines.ForEach(output.WriteLine);
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "viewer-benchmark.txt"), lines);

        var dashboard = timings.Single(t => !t.Path.Contains("trials", StringComparison.Ordinal));
        Assert.Equal(trials, dashboard.Trials);
        Assert.True(dashboard.MedianWarmMs < 1000, $"campaign page: median {dashboard.MedianWarmMs:F0} ms");
        var table = timings.Single(t => t.Path.Contains("trials", StringComparison.Ordinal));
        Assert.True(table.MedianWarmMs < 1000, $"trial table: median {table.MedianWarmMs:F0} ms");
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
