using System.Reflection;
using System.Security.Cryptography;

namespace AutoDnn.Storage;

/// <summary>Where and how a trial ran, so a result can be traced and reproduced; the run's start and end are the trial's own times.</summary>
public sealed record TrialProvenance
{
    /// <summary>The seed the trial's random generators started from.</summary>
    public long? Seed { get; init; }

    /// <summary>The architecture (or main) plugin that built the model.</summary>
    public string? PluginName { get; init; }

    public string? PluginVersion { get; init; }

    /// <summary>SHA-256 of the plugin DLL, lower-case hex (see <see cref="Sha256OfFile"/>).</summary>
    public string? PluginSha256 { get; init; }

    public string? LibTorchVersion { get; init; }

    /// <summary>The device the trial trained on, e.g. "cpu" or "cuda:0".</summary>
    public string? Device { get; init; }

    public string? Host { get; init; }

    /// <summary>The AutoDnn version that ran the trial.</summary>
    public string? ProgramVersion { get; init; }

    /// <summary>A record with this machine's host name and the running program's version filled in.</summary>
    public static TrialProvenance ForThisProcess() => new()
    {
        Host = Environment.MachineName,
        ProgramVersion = (Assembly.GetEntryAssembly() ?? typeof(TrialProvenance).Assembly).GetName().Version?.ToString(),
    };

    /// <summary>Lower-case hex SHA-256 of a file; throws FileNotFoundException naming the path.</summary>
    public static string Sha256OfFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Cannot hash '{path}': no such file.", path);
        }

        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
