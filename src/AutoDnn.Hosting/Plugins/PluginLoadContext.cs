using System.Reflection;
using System.Runtime.Loader;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Hosting.Plugins;

/// <summary>A collectible load context for one plugin DLL: shares the host's contracts, resolves the rest from the plugin's deps.json.</summary>
/// <remarks>
/// AutoDnn.Abstractions and AutoDnn.Torch always come from the host, so an <see cref="IPlugin"/> made by the plugin is the
/// host's <see cref="IPlugin"/> (type identity) and there is one native libtorch. Every other assembly, and every native
/// library, is looked up through <see cref="AssemblyDependencyResolver"/> over the plugin's own deps.json, so two plugins
/// may carry different versions of one dependency. What the plugin does not carry falls back to the default context
/// (the shared framework).
/// </remarks>
public sealed class PluginLoadContext : AssemblyLoadContext
{
    private static readonly Dictionary<string, Assembly> SharedAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        [typeof(IPlugin).Assembly.GetName().Name!] = typeof(IPlugin).Assembly,
        [typeof(Tensor).Assembly.GetName().Name!] = typeof(Tensor).Assembly,
    };

    private readonly AssemblyDependencyResolver _resolver;

    public PluginLoadContext(string pluginPath)
        : base($"plugin:{Path.GetFileName(pluginPath)}", isCollectible: true)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginPath);
        PluginPath = Path.GetFullPath(pluginPath);
        _resolver = new AssemblyDependencyResolver(PluginPath);
    }

    /// <summary>The plugin DLL this context was made for.</summary>
    public string PluginPath { get; }

    /// <summary>True for the assembly names every plugin shares with the host.</summary>
    public static bool IsShared(string assemblyName) => SharedAssemblies.ContainsKey(assemblyName);

    /// <summary>Loads the plugin DLL itself into this context.</summary>
    public Assembly LoadPlugin() => LoadFromAssemblyPath(PluginPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && SharedAssemblies.TryGetValue(name, out Assembly? shared))
        {
            return shared;
        }

        string? path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
