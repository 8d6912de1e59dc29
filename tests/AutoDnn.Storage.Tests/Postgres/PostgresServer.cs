using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AutoDnn.Storage.Tests.Postgres;

/// <summary>A throwaway PostgreSQL 15 cluster on 127.0.0.1 for the tests: initdb in a temp folder, started as the postgres user when run as root.</summary>
public sealed class PostgresServer : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;
    private readonly string _data;
    private int _databases;

    public PostgresServer()
    {
        if (!File.Exists(Path.Combine(Bin, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({Bin}/initdb missing); ./build.sh installs the Debian package 'postgresql'.");
        }

        _folder = Path.Combine(Path.GetTempPath(), $"autodnn-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        _data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(_folder);
        if (IsRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            Run("/bin/chown", ["postgres:postgres", _folder], asPostgres: false);
        }

        Port = FreePort();
        Run($"{Bin}/initdb", ["-D", _data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
        Run($"{Bin}/pg_ctl", [
            "-D", _data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400 -c synchronous_commit=off",
            "start",
        ]);
    }

    public int Port { get; }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Creates an empty database and returns its storage URL.</summary>
    public string CreateDatabase()
    {
        string name = $"t{Interlocked.Increment(ref _databases)}";
        using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return $"postgresql://postgres@127.0.0.1:{Port}/{name}";
    }

    /// <summary>The Npgsql connection string of a URL from <see cref="CreateDatabase"/>.</summary>
    public static string ConnectionString(string url) => StorageUrl.Parse(url).Target;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Run($"{Bin}/pg_ctl", ["-D", _data, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // pg_ctl could not stop it: end the postmaster by its PID, which its pid file names.
            string pidFile = Path.Combine(_data, "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out int pid))
            {
                Process.GetProcessById(pid).Kill();
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, IReadOnlyList<string> args, bool asPostgres = true)
    {
        var info = new ProcessStartInfo(asPostgres && IsRoot ? "/usr/sbin/runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        if (asPostgres && IsRoot)
        {
            foreach (string a in new[] { "-u", "postgres", "--", program })
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        using Process process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in 120 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stdout.Result}{stderr.Result}");
        }
    }
}
