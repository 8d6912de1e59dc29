using System.Net;
using AutoDnn.Storage;

namespace AutoDnn.Web;

/// <summary>How <c>autodnn serve</c> runs the viewer: which store it reads, where it listens, and the access token.</summary>
public sealed record ViewerOptions
{
    /// <summary>The port used when none is given.</summary>
    public const int DefaultPort = 5000;

    /// <summary>The storage URL to read (see <see cref="StorageUrl"/>).</summary>
    public required string Storage { get; init; }

    /// <summary>The address to bind; loopback by default. Any other address requires <see cref="Token"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The secret every request must carry (query <c>?token=</c>, a cookie set after first use, or a Bearer header); null for none.</summary>
    public string? Token { get; init; }

    /// <summary>How old a cached campaign snapshot may get before it is read again; also the live-refresh period of open pages.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Plugin folders for the plugins page; empty means the default ones (<c>AUTODNN_PLUGINS</c>, ./plugins, &lt;app&gt;/plugins).</summary>
    public IReadOnlyList<string> PluginFolders { get; init; } = [];

    /// <summary>Where plotly.min.js lies; null means &lt;app&gt;/viewer-assets (copied there by the build).</summary>
    public string? AssetsFolder { get; init; }

    /// <summary>True when <see cref="Host"/> is a loopback address or "localhost".</summary>
    public bool IsLoopback =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Host, out IPAddress? address) && IPAddress.IsLoopback(address));

    /// <summary>Throws ArgumentException naming the option and value that are wrong.</summary>
    public void Validate()
    {
        StorageUrl.Parse(Storage);
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("--host is empty; give an address such as 127.0.0.1.");
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"--port {Port} is not a TCP port (0..65535).");
        }

        if (Token is not null && Token.Length < 8)
        {
            throw new ArgumentException("--token is shorter than 8 characters; use a longer secret.");
        }

        if (!IsLoopback && string.IsNullOrEmpty(Token))
        {
            throw new ArgumentException($"--host {Host} is not a loopback address: the viewer would be reachable from other machines, so it requires --token.");
        }

        if (RefreshInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The refresh interval {RefreshInterval} must be positive.");
        }
    }
}
