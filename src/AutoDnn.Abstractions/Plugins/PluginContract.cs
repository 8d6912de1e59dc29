using System.Globalization;

namespace AutoDnn.Abstractions.Plugins;

/// <summary>The semantic version of the plugin contracts (this assembly's version) and the compatibility rule.</summary>
/// <remarks>
/// The rule: a plugin runs on a host whose contract MAJOR version equals the one it was built against. Minor
/// versions only add to the contracts; a major version removes or changes something.
/// </remarks>
public static class PluginContract
{
    /// <summary>The contract version, equal to the assembly version of AutoDnn.Abstractions.</summary>
    public const string Version = "1.1.0";

    /// <summary>The contract major version (the first component of <see cref="Version"/>).</summary>
    public const int Major = 1;

    /// <summary>Null when a plugin built against <paramref name="builtAgainst"/> may run here, otherwise why not.</summary>
    public static string? CheckCompatibility(Version builtAgainst)
    {
        ArgumentNullException.ThrowIfNull(builtAgainst);
        if (builtAgainst.Major == Major)
        {
            return null;
        }

        string plugin = string.Create(
            CultureInfo.InvariantCulture, $"{builtAgainst.Major}.{builtAgainst.Minor}.{Math.Max(0, builtAgainst.Build)}");
        return $"built against plugin contract {plugin} (AutoDnn.Abstractions), but this host has {Version}: "
            + $"major versions must match; rebuild the plugin against AutoDnn.Abstractions {Major}.x.";
    }
}
