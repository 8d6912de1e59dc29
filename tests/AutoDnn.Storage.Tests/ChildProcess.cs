using System.Diagnostics;
using System.Text;

namespace AutoDnn.Storage.Tests;

/// <summary>A .NET program from the test output folder run as a real separate process (<c>dotnet NAME.dll args…</c>).</summary>
public sealed partial class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<string> _lines = [];

    private ChildProcess(string dll, IReadOnlyList<string> args, string? workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        string path = Path.Combine(AppContext.BaseDirectory, dll);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The test needs {path}; build the test project first.", path);
        }

        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        info.ArgumentList.Add(path);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lines)
                {
                    _lines.Add(e.Data);
                    _stdout.AppendLine(e.Data);
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lines)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Stdout
    {
        get
        {
            lock (_lines)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_lines)
            {
                return _stderr.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>The operating-system process id.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="dll"/> given as a full path (e.g. a program from another project's output).</summary>
    public static ChildProcess StartPath(string dll, IReadOnlyList<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null) =>
        new(dll, args, workingDirectory, environment);

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt() => Signal(2);

    /// <summary>Sends a POSIX signal (2 = SIGINT, 15 = SIGTERM) to the process.</summary>
    public void Signal(int signal) => _ = SendSignal(_process.Id, signal);

    public static ChildProcess Start(string dll, IReadOnlyList<string> args, string? workingDirectory = null) => new(dll, args, workingDirectory);

    /// <summary>Runs to the end and returns the process; fails the test when it takes longer than the timeout.</summary>
    public static ChildProcess Run(string dll, IReadOnlyList<string> args, string? workingDirectory = null, int timeoutSeconds = 120)
    {
        ChildProcess child = Start(dll, args, workingDirectory);
        child.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds));
        return child;
    }

    public void WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The child process did not exit within {timeout}. stdout: {Stdout} stderr: {Stderr}");
        }

        _process.WaitForExit();
    }

    /// <summary>Waits until the process prints a line starting with the prefix, and returns that line.</summary>
    public string WaitForLine(string prefix, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            lock (_lines)
            {
                if (_lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line)
                {
                    return line;
                }
            }

            if (_process.HasExited)
            {
                // The output readers may still hold lines the process printed before it ended: drain, then look once more.
                _process.WaitForExit();
                lock (_lines)
                {
                    if (_lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } last)
                    {
                        return last;
                    }
                }

                break;
            }

            Thread.Sleep(20);
        }

        string ended = _process.HasExited ? $"the process ended with exit code {_process.ExitCode}" : $"not within {timeout}";
        throw new TimeoutException($"No line starting with '{prefix}': {ended}. stdout: {Stdout} stderr: {Stderr}");
    }

    /// <summary>Ends the process the way a crash does: SIGKILL (kill -9), no chance to clean up.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);
}
