using AutoDnn.Hosting.Plugins;

namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>An <see cref="IPluginDirectory"/> over a fixed list, e.g. the loaded entries of a <see cref="PluginCatalog"/>.</summary>
public sealed class PluginDirectory : IPluginDirectory
{
    private readonly Dictionary<string, PluginInfo> _byName;

    /// <summary>Creates a directory; names must be unique (case-insensitive).</summary>
    public PluginDirectory(IEnumerable<PluginInfo> plugins)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        Plugins = [.. plugins.OrderBy(p => p.Name, StringComparer.Ordinal)];
        _byName = new Dictionary<string, PluginInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (PluginInfo plugin in Plugins)
        {
            if (!_byName.TryAdd(plugin.Name, plugin))
            {
                throw new ArgumentException($"Two plugins are named '{plugin.Name}'.", nameof(plugins));
            }
        }
    }

    public IReadOnlyList<PluginInfo> Plugins { get; }

    /// <summary>The loaded plugins of a catalog (failed entries are left out).</summary>
    public static PluginDirectory FromCatalog(PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new PluginDirectory(catalog.Loaded
            .Where(e => e.Name is not null && e.Kind is not null && e.Task is not null)
            .Select(e => new PluginInfo(e.Name!, e.Kind!.Value, e.Task!.Value)));
    }

    public PluginInfo? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.GetValueOrDefault(name);
    }
}
