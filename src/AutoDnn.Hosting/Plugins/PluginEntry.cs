using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.Hosting.Plugins;

/// <summary>One row of the catalog: a plugin that loaded, or a plugin or DLL that failed and why.</summary>
public sealed record PluginEntry
{
    /// <summary>The plugin's declared name; null when the DLL failed before a plugin could be created.</summary>
    public string? Name { get; init; }

    /// <summary>The contract the plugin implements; null when unknown.</summary>
    public PluginKind? Kind { get; init; }

    public TaskKind? Task { get; init; }

    public string? Version { get; init; }

    public string? Description { get; init; }

    /// <summary>Full name of the plugin's class; null when unknown.</summary>
    public string? TypeName { get; init; }

    /// <summary>Full path of the DLL.</summary>
    public required string AssemblyPath { get; init; }

    /// <summary>SHA-256 of the DLL's bytes, lowercase hex (recorded with every trial as provenance).</summary>
    public required string Sha256 { get; init; }

    public required PluginStatus Status { get; init; }

    /// <summary>Why loading failed (null when loaded); it names the DLL.</summary>
    public string? Error { get; init; }

    /// <summary>The plugin class, set only when loaded; lives in the plugin's load context.</summary>
    internal Type? PluginType { get; init; }

    public bool IsLoaded => Status == PluginStatus.Loaded;

    /// <summary>The DLL's file name.</summary>
    public string AssemblyFile => Path.GetFileName(AssemblyPath);
}
