namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>A plugin named in a campaign file (dataset, environment, architecture or augmenter) with its options.</summary>
/// <param name="Name">The plugin's name as written.</param>
/// <param name="Options">Options passed to the plugin as written (datasets and environments; empty otherwise).</param>
/// <param name="Position">Where the name is written.</param>
/// <param name="Path">The key path, e.g. <c>task.augmenters[1]</c>.</param>
public sealed record PluginReference(string Name, IReadOnlyDictionary<string, string> Options, SourcePosition Position, string Path);
