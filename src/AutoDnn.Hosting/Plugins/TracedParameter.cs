using AutoDnn.Abstractions.Search;

namespace AutoDnn.Hosting.Plugins;

/// <summary>A hyperparameter a plugin suggested during a dry run: its name, its domain and the value the dry run returned.</summary>
public sealed record TracedParameter(string Name, Distribution Distribution, object? DefaultValue);
