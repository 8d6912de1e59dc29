namespace AutoDnn.Hosting.Plugins;

/// <summary>What a dry run of a plugin revealed: its entry, the task it was traced for, and the hyperparameters it declares.</summary>
public sealed record PluginInspection(PluginEntry Entry, string TracedFor, IReadOnlyList<TracedParameter> Parameters);
