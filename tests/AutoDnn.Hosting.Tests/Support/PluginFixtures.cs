namespace AutoDnn.Hosting.Tests.Support;

/// <summary>The fixture plugins built from tests/TestPlugins, and throwaway plugin folders assembled from them.</summary>
internal sealed class PluginFixtures : IDisposable
{
    public const string Valid = "AutoDnn.TestPlugins.Valid";
    public const string NextMajor = "AutoDnn.TestPlugins.NextMajor";
    public const string DependencyV1 = "AutoDnn.TestPlugins.DependencyV1";
    public const string DependencyV2 = "AutoDnn.TestPlugins.DependencyV2";
    public const string Throwing = "AutoDnn.TestPlugins.Throwing";

    public PluginFixtures()
    {
        Root = Directory.CreateTempSubdirectory("autodnn-plugins-").FullName;
    }

    /// <summary>A fresh, empty plugins folder that is deleted with this object.</summary>
    public string Root { get; }

    /// <summary>Where the build copied a fixture plugin (its DLL, deps.json and dependencies).</summary>
    public static string BuiltFolder(string assemblyName)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "TestPlugins", assemblyName);
        Assert.True(File.Exists(Path.Combine(folder, assemblyName + ".dll")), $"fixture plugin not built into {folder}");
        return folder;
    }

    /// <summary>Copies a built fixture into Root/subfolder and returns the path of its plugin DLL there.</summary>
    public string Add(string assemblyName, string? subfolder = null)
    {
        string target = Path.Combine(Root, subfolder ?? assemblyName);
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(BuiltFolder(assemblyName)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return Path.Combine(target, assemblyName + ".dll");
    }

    /// <summary>Writes a file with the given bytes into Root and returns its path.</summary>
    public string AddFile(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException e)
        {
            // A plugin DLL can stay mapped until its load context is collected; the temp folder is then left behind.
            Console.Error.WriteLine($"could not delete {Root}: {e.Message}");
        }
    }
}
