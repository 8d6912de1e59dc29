using System.CommandLine;
using System.Globalization;
using AutoDnn.Storage;
using AutoDnn.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace AutoDnn.Cli.Commands;

/// <summary><c>autodnn serve</c>: the results viewer in the browser, read-only over a store; <c>--bench N</c> times its heaviest pages instead.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        Option<string> storage = StorageCommandOptions.Storage();
        var host = new Option<string>("--host") { Description = "Address to bind; anything but loopback requires --token.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "TCP port (0 picks a free one).", DefaultValueFactory = _ => ViewerOptions.DefaultPort };
        var token = new Option<string?>("--token") { Description = "Secret every request must carry: open the viewer once with ?token=SECRET (a cookie keeps it)." };
        var refresh = new Option<double>("--refresh") { Description = "Seconds between live refreshes of open pages (and snapshot re-reads).", DefaultValueFactory = _ => 2 };
        var plugins = new Option<string[]>("--plugins") { Description = "A plugin folder for the plugins page (repeatable).", DefaultValueFactory = _ => [] };
        var bench = new Option<int?>("--bench") { Description = "Do not serve: time every campaign's dashboard and trial table N times (warm) and print the figures." };
        var command = new Command("serve", "Serve the results viewer (campaigns, trials, charts, compare) over a store, read-only.")
        {
            storage, host, port, token, refresh, plugins, bench,
        };
        command.SetAction(r =>
        {
            try
            {
                string url = r.GetValue(storage)!;
                if (r.GetValue(bench) is { } repeats)
                {
                    return Bench(url, repeats);
                }

                double seconds = r.GetValue(refresh);
                if (!(seconds > 0) || !double.IsFinite(seconds))
                {
                    throw new ArgumentException($"--refresh {seconds.ToString(CultureInfo.InvariantCulture)} must be a positive number of seconds.");
                }

                var options = new ViewerOptions
                {
                    Storage = url,
                    Host = r.GetValue(host)!,
                    Port = r.GetValue(port),
                    Token = r.GetValue(token),
                    RefreshInterval = TimeSpan.FromSeconds(seconds),
                    PluginFolders = r.GetValue(plugins)!,
                };
                WebApplication app = ViewerApp.Build(options);
                app.Start();
                Uri address = ViewerApp.Address(app);
                Console.WriteLine($"AutoDnn viewer on {address} over {StorageUrl.Parse(url).Display} (read-only); Ctrl+C stops it.");
                if (options.Token is not null)
                {
                    Console.WriteLine($"Open {address}?token=<your --token> once; a cookie keeps it.");
                }

                app.WaitForShutdown();
                return 0;
            }
            catch (Exception e) when (e is FormatException or ArgumentException or FileNotFoundException or IOException
                or InvalidOperationException or System.Data.Common.DbException)
            {
                Console.Error.WriteLine($"autodnn serve: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Bench(string url, int repeats)
    {
        IReadOnlyList<ViewerBenchmark.PageTiming> timings = ViewerBenchmark.RunAsync(url, repeats).GetAwaiter().GetResult();
        Console.WriteLine("| page | trials | store read (ms) | first request after the read (ms) | warm request, median (ms) | warm, max (ms) | HTML (KiB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (ViewerBenchmark.PageTiming t in timings)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {t.Path} | {t.Trials} | {t.SnapshotMs:F0} | {t.FirstMs:F0} | {t.MedianWarmMs:F1} | {t.WarmMs.Max():F1} | {t.Bytes / 1024.0:F0} |"));
        }

        return 0;
    }
}
