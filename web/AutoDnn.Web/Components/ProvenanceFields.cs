using System.Globalization;
using AutoDnn.Storage;

namespace AutoDnn.Web.Components;

/// <summary>Provenance as labelled texts (the trial page lists them, the compare view diffs them).</summary>
internal static class ProvenanceFields
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(TrialProvenance? p) =>
    [
        new("Seed", p?.Seed?.ToString(CultureInfo.InvariantCulture) ?? ""),
        new("Plugin", p?.PluginName ?? ""),
        new("Plugin version", p?.PluginVersion ?? ""),
        new("Plugin SHA-256", p?.PluginSha256 ?? ""),
        new("LibTorch", p?.LibTorchVersion ?? ""),
        new("Device", p?.Device ?? ""),
        new("Host", p?.Host ?? ""),
        new("AutoDnn", p?.ProgramVersion ?? ""),
    ];
}
