using System.Reflection;
using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.Hosting.Plugins;

/// <summary>Loads one DLL into its own context and turns each plugin type in it, or the DLL's failure, into catalog entries.</summary>
internal static class PluginAssemblyLoader
{
    private static readonly (Type Contract, PluginKind Kind)[] Contracts =
    [
        (typeof(IArchitecture), PluginKind.Architecture),
        (typeof(IAugmenter), PluginKind.Augmenter),
        (typeof(IDataset), PluginKind.Dataset),
        (typeof(IEnvironment), PluginKind.Environment),
    ];

    /// <summary>The contract kind a type implements, or null when it implements none.</summary>
    public static PluginKind? KindOf(Type type) =>
        Contracts.Where(c => c.Contract.IsAssignableFrom(type)).Select(c => (PluginKind?)c.Kind).FirstOrDefault();

    /// <summary>
    /// Entries for the DLL (none when it is not a plugin at all), and its load context when at least one plugin loaded
    /// (otherwise the context is already unloaded). <paramref name="loadedByName"/> holds the plugins loaded so far and
    /// receives the new ones.
    /// </summary>
    public static (IReadOnlyList<PluginEntry> Entries, PluginLoadContext? Context) Load(
        string path, Dictionary<string, PluginEntry> loadedByName)
    {
        string sha256 = Sha256Of(path);
        PluginEntry Failed(PluginStatus status, string reason) => new()
        {
            AssemblyPath = path,
            Sha256 = sha256,
            Status = status,
            Error = $"{Path.GetFileName(path)}: {reason}",
        };

        PluginAssemblyProbe probe = PluginAssemblyProbe.Read(path);
        if (probe.Failure is { } failure)
        {
            return ([Failed(failure, probe.Reason!)], null);
        }

        if (probe.ContractVersion is not { } contractVersion)
        {
            return ([], null);
        }

        if (PluginContract.CheckCompatibility(contractVersion) is { } incompatibility)
        {
            return ([Failed(PluginStatus.IncompatibleContract, incompatibility)], null);
        }

        var context = new PluginLoadContext(path);
        var entries = new List<PluginEntry>();
        try
        {
            Type[] types = ExportedTypes(context.LoadPlugin());
            foreach (Type type in types)
            {
                if (type is { IsClass: true, IsAbstract: false } && KindOf(type) is { } kind)
                {
                    entries.Add(Create(type, kind, path, sha256, loadedByName));
                }
            }

            if (entries.Count == 0)
            {
                entries.Add(Failed(
                    PluginStatus.NoPluginTypes,
                    "references AutoDnn.Abstractions but declares no public class implementing IArchitecture, IAugmenter, IDataset or IEnvironment"));
            }
        }
        catch (Exception e)
        {
            // Recorded as this DLL's entry; the catalog goes on with the next DLL.
            (PluginStatus status, string reason) = Classify(e);
            entries.Add(Failed(status, reason));
        }

        if (entries.Any(e => e.IsLoaded))
        {
            return (entries, context);
        }

        context.Unload();
        return (entries, null);
    }

    private static PluginEntry Create(
        Type type, PluginKind kind, string path, string sha256, Dictionary<string, PluginEntry> loadedByName)
    {
        var entry = new PluginEntry
        {
            Kind = kind,
            TypeName = type.FullName,
            AssemblyPath = path,
            Sha256 = sha256,
            Status = PluginStatus.Loaded,
        };
        IPlugin plugin;
        string name;
        try
        {
            plugin = (IPlugin)Activator.CreateInstance(type)!;
            name = plugin.Name;
            entry = entry with { Name = name, Version = plugin.Version, Task = plugin.Task, Description = plugin.Description };
        }
        catch (MissingMethodException)
        {
            return entry with
            {
                Status = PluginStatus.ConstructorFailed,
                Error = $"{entry.AssemblyFile}: {type.FullName} has no public parameterless constructor",
            };
        }
        catch (Exception e)
        {
            // Plugin code may throw anything; it becomes this plugin's entry and the other plugins still load.
            (PluginStatus status, string reason) = Classify(e);
            if (status == PluginStatus.MissingDependency)
            {
                return entry with { Status = status, Error = $"{entry.AssemblyFile}: {type.FullName}: {reason}" };
            }

            return entry with
            {
                Status = PluginStatus.ConstructorFailed,
                Error = $"{entry.AssemblyFile}: {type.FullName} threw while being created: {reason}",
            };
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return entry with { Status = PluginStatus.LoadFailed, Error = $"{entry.AssemblyFile}: {type.FullName} declares an empty name" };
        }

        if (loadedByName.TryGetValue(name, out PluginEntry? first))
        {
            return entry with
            {
                Status = PluginStatus.DuplicateName,
                Error = $"{entry.AssemblyFile}: the name '{name}' ({type.FullName}) is already taken by {first.TypeName} in {first.AssemblyPath}",
            };
        }

        entry = entry with { PluginType = type };
        loadedByName.Add(name, entry);
        return entry;
    }

    private static Type[] ExportedTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e) when (e.LoaderExceptions.FirstOrDefault(x => x is not null) is { } first)
        {
            throw first;
        }
    }

    /// <summary>The status and a one-line reason for an exception thrown while loading or creating a plugin.</summary>
    private static (PluginStatus Status, string Reason) Classify(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case FileNotFoundException { FileName: { } file } when IsAssemblyName(file):
                    return (PluginStatus.MissingDependency,
                        $"missing dependency {file}: it is neither in the plugin's folder nor resolvable from its deps.json");
                case FileLoadException { FileName: { } file } when IsAssemblyName(file):
                    return (PluginStatus.MissingDependency, $"dependency {file} could not be loaded: {e.Message}");
                case BadImageFormatException:
                    return (PluginStatus.Corrupt, $"corrupt assembly image: {e.Message}");
            }
        }

        Exception root = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
        return (exception is TargetInvocationException ? PluginStatus.ConstructorFailed : PluginStatus.LoadFailed,
            $"{root.GetType().Name}: {root.Message}");
    }

    // The runtime names a missing assembly by its display name; a plugin's own FileNotFoundException names a path.
    private static bool IsAssemblyName(string file) => file.Contains(", Version=", StringComparison.Ordinal);

    private static string Sha256Of(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
