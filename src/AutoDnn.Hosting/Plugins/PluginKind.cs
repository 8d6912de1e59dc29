namespace AutoDnn.Hosting.Plugins;

/// <summary>Which plugin contract a plugin type implements.</summary>
public enum PluginKind
{
    Architecture,
    Augmenter,
    Dataset,
    Environment,
}
