namespace AutoDnn.Hosting.Plugins;

/// <summary>Where the catalog looks for plugins: explicit folders, then AUTODNN_PLUGINS, then ./plugins and the app's plugins folder.</summary>
public static class PluginFolders
{
    /// <summary>The environment variable holding extra plugin folders, separated by the platform's path separator.</summary>
    public const string EnvironmentVariable = "AUTODNN_PLUGINS";

    /// <summary>
    /// The folders to scan, in order, without duplicates. Explicit folders are always included (the catalog reports a
    /// missing one); the implicit ones (environment, ./plugins, &lt;app&gt;/plugins) only when they exist.
    /// </summary>
    public static IReadOnlyList<string> Resolve(
        IEnumerable<string> explicitFolders, string? environmentValue, string currentDirectory, string appDirectory)
    {
        ArgumentNullException.ThrowIfNull(explicitFolders);
        var folders = new List<string>();
        foreach (string folder in explicitFolders)
        {
            Add(folders, Path.GetFullPath(folder, currentDirectory));
        }

        IEnumerable<string> implicitFolders = (environmentValue ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Append("plugins")
            .Select(f => Path.GetFullPath(f, currentDirectory))
            .Append(Path.GetFullPath("plugins", appDirectory));
        foreach (string folder in implicitFolders.Where(Directory.Exists))
        {
            Add(folders, folder);
        }

        return folders;
    }

    /// <summary>The folders for this process: explicit ones plus AUTODNN_PLUGINS, ./plugins and &lt;app&gt;/plugins.</summary>
    public static IReadOnlyList<string> ForCurrentProcess(IEnumerable<string> explicitFolders) =>
        Resolve(
            explicitFolders,
            Environment.GetEnvironmentVariable(EnvironmentVariable),
            Directory.GetCurrentDirectory(),
            AppContext.BaseDirectory);

    /// <summary>The DLLs in a folder and in its immediate subfolders (one plugin per subfolder is the usual layout), sorted.</summary>
    public static IReadOnlyList<string> DllsIn(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Plugin folder '{folder}' does not exist.");
        }

        IEnumerable<string> top = Directory.EnumerateFiles(folder, "*.dll");
        IEnumerable<string> nested = Directory.EnumerateDirectories(folder)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.dll"));
        return [.. top.Concat(nested).Select(Path.GetFullPath).Order(StringComparer.Ordinal)];
    }

    private static void Add(List<string> folders, string folder)
    {
        string normalized = Path.TrimEndingDirectorySeparator(folder);
        if (!folders.Contains(normalized, StringComparer.Ordinal))
        {
            folders.Add(normalized);
        }
    }
}
