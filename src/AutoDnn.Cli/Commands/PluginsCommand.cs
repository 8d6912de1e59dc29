using System.CommandLine;
using AutoDnn.Hosting.Plugins;

namespace AutoDnn.Cli.Commands;

/// <summary><c>autodnn plugins list|inspect</c>: what the plugin folders hold, and the hyperparameters a plugin declares.</summary>
internal static class PluginsCommand
{
    public static Command Create() => new("plugins", "Plugins found in --plugins folders, AUTODNN_PLUGINS, ./plugins and <app>/plugins.")
    {
        CreateList(),
        CreateInspect(),
    };

    private static Option<string[]> FoldersOption() => new("--plugins")
    {
        Description = "A plugin folder to scan before the default ones (repeatable).",
        DefaultValueFactory = _ => [],
    };

    private static Command CreateList()
    {
        Option<string[]> folders = FoldersOption();
        var command = new Command("list", "List every plugin: name, kind, task, version, assembly, SHA-256 prefix and status.") { folders };
        command.SetAction(r => WithCatalog(r.GetValue(folders)!, catalog =>
        {
            IReadOnlyList<PluginEntry> entries = catalog.Entries;
            Console.Write(entries.Count == 0 ? "no plugins found\n" : PluginReport.Listing(entries));
            // Failures are listed, not fatal: the exit code says whether any plugin failed to load.
            return entries.Any(e => !e.IsLoaded) ? 1 : 0;
        }));
        return command;
    }

    private static Command CreateInspect()
    {
        Option<string[]> folders = FoldersOption();
        var name = new Argument<string>("name") { Description = "The plugin's name, as `plugins list` shows it." };
        var command = new Command("inspect", "Show a plugin's hyperparameters (ranges and defaults) from a dry define-by-run trial.")
        {
            name, folders,
        };
        command.SetAction(r => WithCatalog(r.GetValue(folders)!, catalog =>
        {
            string wanted = r.GetValue(name)!;
            if (catalog.Find(wanted) is null)
            {
                string failure = string.Join(
                    Environment.NewLine, catalog.Failures.Where(e => string.Equals(e.Name, wanted, StringComparison.OrdinalIgnoreCase)).Select(e => e.Error));
                Console.Error.WriteLine(failure.Length > 0
                    ? failure
                    : $"no loaded plugin is named '{wanted}'; `autodnn plugins list` shows the names and the failures");
                return 1;
            }

            Console.Write(PluginReport.Inspection(PluginInspector.Inspect(catalog, wanted)));
            return 0;
        }));
        return command;
    }

    private static int WithCatalog(string[] explicitFolders, Func<PluginCatalog, int> action)
    {
        IReadOnlyList<string> folders = PluginFolders.ForCurrentProcess(explicitFolders);
        PluginCatalog catalog;
        try
        {
            catalog = PluginCatalog.Load(folders);
        }
        catch (DirectoryNotFoundException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        using (catalog)
        {
            return action(catalog);
        }
    }
}
