namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>The plugins a campaign may name (filled from a PluginCatalog, or from a list in tests).</summary>
public interface IPluginDirectory
{
    /// <summary>Every available plugin.</summary>
    IReadOnlyList<PluginInfo> Plugins { get; }

    /// <summary>The plugin with this name (case-insensitive), or null.</summary>
    PluginInfo? Find(string name);
}
