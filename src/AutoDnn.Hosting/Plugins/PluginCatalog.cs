using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.Hosting.Plugins;

/// <summary>The plugins found in a set of folders, each loaded in its own collectible context; failures are entries too.</summary>
/// <remarks>
/// Every *.dll in a folder and in its immediate subfolders that references AutoDnn.Abstractions is a plugin candidate;
/// other DLLs (a plugin's own dependencies) are left to the plugin's load context. A DLL that cannot be loaded, and a
/// plugin that cannot be created, becomes one entry with a status and a message naming the DLL, and everything else
/// still loads. Disposing the catalog unloads every plugin context; instances made from it must be dropped first.
/// </remarks>
public sealed class PluginCatalog : IDisposable
{
    private readonly List<PluginEntry> _entries;
    private readonly Dictionary<string, PluginEntry> _loadedByName;
    private readonly List<PluginLoadContext> _contexts;
    private bool _disposed;

    private PluginCatalog(List<PluginEntry> entries, Dictionary<string, PluginEntry> loadedByName, List<PluginLoadContext> contexts)
    {
        _entries = entries;
        _loadedByName = loadedByName;
        _contexts = contexts;
    }

    /// <summary>Every entry in scan order: loaded plugins and failures.</summary>
    public IReadOnlyList<PluginEntry> Entries
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _entries;
        }
    }

    /// <summary>The plugins that loaded.</summary>
    public IEnumerable<PluginEntry> Loaded => Entries.Where(e => e.IsLoaded);

    /// <summary>The entries that failed.</summary>
    public IEnumerable<PluginEntry> Failures => Entries.Where(e => !e.IsLoaded);

    /// <summary>Scans the folders in order (see <see cref="PluginFolders"/>); throws DirectoryNotFoundException for a missing one.</summary>
    public static PluginCatalog Load(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        string[] dlls = [.. folders.SelectMany(PluginFolders.DllsIn).Distinct(StringComparer.Ordinal)];
        var entries = new List<PluginEntry>();
        var loadedByName = new Dictionary<string, PluginEntry>(StringComparer.OrdinalIgnoreCase);
        var contexts = new List<PluginLoadContext>();
        foreach (string dll in dlls)
        {
            (IReadOnlyList<PluginEntry> found, PluginLoadContext? context) = PluginAssemblyLoader.Load(dll, loadedByName);
            entries.AddRange(found);
            if (context is not null)
            {
                contexts.Add(context);
            }
        }

        return new PluginCatalog(entries, loadedByName, contexts);
    }

    /// <summary>The loaded plugin with this name (case-insensitive), or null.</summary>
    public PluginEntry? Find(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(name);
        return _loadedByName.GetValueOrDefault(name);
    }

    /// <summary>A new instance of the named plugin; throws KeyNotFoundException (listing the names) or InvalidCastException.</summary>
    public T Create<T>(string name)
        where T : class, IPlugin
    {
        PluginEntry entry = Find(name) ?? throw new KeyNotFoundException(
            $"No loaded plugin is named '{name}'. Loaded: {(_loadedByName.Count == 0 ? "none" : string.Join(", ", _loadedByName.Keys.Order(StringComparer.Ordinal)))}.");
        object instance = Activator.CreateInstance(entry.PluginType!)!;
        return instance as T ?? throw new InvalidCastException(
            $"Plugin '{name}' ({entry.TypeName} in {entry.AssemblyFile}) is a {entry.Kind}, not an {typeof(T).Name}.");
    }

    /// <summary>Forgets every plugin and unloads their load contexts (collected once no instance is referenced).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _entries.Clear();
        _loadedByName.Clear();
        foreach (PluginLoadContext context in _contexts)
        {
            context.Unload();
        }

        _contexts.Clear();
    }
}
