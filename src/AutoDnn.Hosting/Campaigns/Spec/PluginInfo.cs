using AutoDnn.Abstractions.Plugins;
using AutoDnn.Hosting.Plugins;

namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>What a campaign check needs to know about a plugin: its name, contract kind and task.</summary>
public sealed record PluginInfo(string Name, PluginKind Kind, TaskKind Task);
