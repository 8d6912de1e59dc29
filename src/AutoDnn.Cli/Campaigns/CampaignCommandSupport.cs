using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json;
using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Cli.Campaigns;

/// <summary>What the campaign commands share: loading plugins for a spec, building the plan, and turning the errors a
/// user can cause into clear output and an exit code (2 for an invalid campaign file, 1 for anything else).</summary>
internal static class CampaignCommandSupport
{
    /// <summary>Calls <paramref name="stop"/> (instead of ending the process) on Ctrl+C (SIGINT) and on SIGTERM, so a
    /// scheduler's or a shell's <c>kill</c> re-queues the running trials just as Ctrl+C does; dispose to restore.</summary>
    public static IDisposable OnStopSignal(Action stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        void Handle(PosixSignalContext context)
        {
            context.Cancel = true;
            stop();
        }

        var registrations = new[]
        {
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        };
        return new Registrations(registrations);
    }

    private sealed class Registrations(IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (IDisposable item in items)
            {
                item.Dispose();
            }
        }
    }

    public static Option<string[]> PluginsOption() => new("--plugins")
    {
        Description = "Extra plugin folder (repeatable); ./plugins, AUTODNN_PLUGINS and the program's plugins folder are always searched.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Loads the plugins the campaign can use: the default folders, --plugins, and the campaign file's folders.</summary>
    public static PluginCatalog LoadCatalog(CampaignSpec spec, IEnumerable<string> extraFolders)
    {
        IReadOnlyList<string> folders = PluginFolders.ForCurrentProcess(extraFolders.Concat(spec.ResolvePluginFolders()));
        return PluginCatalog.Load(folders);
    }

    /// <summary>Runs a campaign command, printing validation errors (every one, with file:line:column) or one line.</summary>
    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (CampaignValidationException e)
        {
            Console.Error.WriteLine($"autodnn: the campaign file has {e.Errors.Count} error{(e.Errors.Count == 1 ? string.Empty : "s")}:");
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (Exception e) when (e is CampaignMismatchException or FormatException or ArgumentException or KeyNotFoundException
            or InvalidOperationException or IOException or JsonException or UnauthorizedAccessException or TorchException
            or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"autodnn: {e.Message}");
            return 1;
        }
    }

    /// <summary>Sets libtorch's intra-op threads for this process (AUTODNN_THREADS wins, as for every command).</summary>
    public static void UseThreads(int threads)
    {
        if (Environment.GetEnvironmentVariable("AUTODNN_THREADS") is null)
        {
            LibTorch.Threads = threads;
        }
    }

    /// <summary>Worker name stored with each trial: host, process id, index on this machine.</summary>
    public static string WorkerId(int index) => $"{Environment.MachineName}:{Environment.ProcessId}/{index}";
}
