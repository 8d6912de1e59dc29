using AutoDnn.Hosting.Plugins;

namespace AutoDnn.Hosting.Tests.Plugins;

public sealed class PluginFoldersTests
{
    [Fact]
    public void OrdersExplicitThenEnvironmentThenDefaultsWithoutDuplicatesOrMissingImplicitOnes()
    {
        DirectoryInfo root = Directory.CreateTempSubdirectory("autodnn-folders-");
        try
        {
            string cwd = root.CreateSubdirectory("cwd").FullName;
            string app = root.CreateSubdirectory("app").FullName;
            string cwdPlugins = Directory.CreateDirectory(Path.Combine(cwd, "plugins")).FullName;
            string appPlugins = Directory.CreateDirectory(Path.Combine(app, "plugins")).FullName;
            string extra = root.CreateSubdirectory("extra").FullName;
            string environment = string.Join(Path.PathSeparator, extra, Path.Combine(root.FullName, "absent"), "plugins");

            IReadOnlyList<string> folders = PluginFolders.Resolve(["mine", extra], environment, cwd, app);

            Assert.Equal([Path.Combine(cwd, "mine"), extra, cwdPlugins, appPlugins], folders);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void FindsDllsInTheFolderAndItsImmediateSubfoldersOnly()
    {
        DirectoryInfo root = Directory.CreateTempSubdirectory("autodnn-dlls-");
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, "b.dll"), string.Empty);
            File.WriteAllText(Path.Combine(root.FullName, "notes.txt"), string.Empty);
            File.WriteAllText(Path.Combine(root.CreateSubdirectory("a").FullName, "a.dll"), string.Empty);
            File.WriteAllText(Path.Combine(root.CreateSubdirectory("c").CreateSubdirectory("deep").FullName, "deep.dll"), string.Empty);

            Assert.Equal(
                [Path.Combine(root.FullName, "a", "a.dll"), Path.Combine(root.FullName, "b.dll")],
                PluginFolders.DllsIn(root.FullName));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
