using AutoDnn.Hosting.Plugins;

namespace AutoDnn.Web.Data;

/// <summary>The plugin catalog's entries, read once on first use (loading plugins is slow and they do not change while serving).</summary>
internal sealed class PluginListing(IReadOnlyList<string> explicitFolders)
{
    private readonly Lazy<(IReadOnlyList<PluginEntry> Entries, IReadOnlyList<string> Folders, string? Error)> _listing = new(() =>
    {
        IReadOnlyList<string> folders = PluginFolders.ForCurrentProcess(explicitFolders);
        try
        {
            using PluginCatalog catalog = PluginCatalog.Load(folders);
            return ([.. catalog.Entries], folders, null);
        }
        catch (DirectoryNotFoundException e)
        {
            return ([], folders, e.Message);
        }
    });

    public IReadOnlyList<PluginEntry> Entries => _listing.Value.Entries;

    public IReadOnlyList<string> Folders => _listing.Value.Folders;

    public string? Error => _listing.Value.Error;
}
