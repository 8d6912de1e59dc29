using System.Diagnostics;

namespace AutoDnn.Cli.Campaigns;

/// <summary>Starts extra <c>autodnn worker</c> processes for a campaign on this machine and relays their output, each
/// line prefixed with the worker's name.</summary>
internal sealed partial class WorkerProcesses : IDisposable
{
    // SIGTERM rather than SIGINT: a run started in the background by a non-interactive shell hands its children an
    // ignored SIGINT, which .NET leaves ignored; SIGTERM always arrives, and the workers treat both alike.
    private const int SigTerm = 15;

    private readonly List<Process> _processes = [];

    /// <summary>Starts workers 1 … <paramref name="count"/> (the calling process is worker 0).</summary>
    public static WorkerProcesses Start(int count, string storage, string campaign, int threads, IReadOnlyList<string> pluginFolders)
    {
        var workers = new WorkerProcesses();
        for (int i = 1; i <= count; i++)
        {
            var start = new ProcessStartInfo
            {
                FileName = SelfProcess.Path,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            foreach (string arg in SelfProcess.Arguments.Concat(new[] { "worker", "--storage", storage, "--campaign", campaign, "--index", i.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            {
                start.ArgumentList.Add(arg);
            }

            foreach (string folder in pluginFolders)
            {
                start.ArgumentList.Add("--plugins");
                start.ArgumentList.Add(folder);
            }

            start.Environment["AUTODNN_THREADS"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start worker {i} ({start.FileName})");
            string prefix = $"[worker {i}] ";
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Console.WriteLine(prefix + e.Data); } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(prefix + e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            workers._processes.Add(process);
        }

        return workers;
    }

    /// <summary>Waits for every worker; returns the exit codes.</summary>
    public IReadOnlyList<int> WaitAll()
    {
        foreach (Process process in _processes)
        {
            process.WaitForExit();
        }

        return _processes.Select(p => p.ExitCode).ToList();
    }

    /// <summary>Sends SIGTERM to every worker still running: like Ctrl+C in a terminal, each marks its trial interrupted
    /// (re-queued) and stops.</summary>
    public void Interrupt()
    {
        foreach (Process process in _processes.Where(p => !p.HasExited))
        {
            _ = SendSignal(process.Id, SigTerm);
        }
    }

    public void Dispose()
    {
        foreach (Process process in _processes)
        {
            process.Dispose();
        }
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);
}
