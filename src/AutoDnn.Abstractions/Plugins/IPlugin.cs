namespace AutoDnn.Abstractions.Plugins;

/// <summary>What every plugin declares about itself; the catalog lists and finds plugins by these.</summary>
/// <remarks>
/// A plugin is a public, non-abstract class with a public parameterless constructor that implements one of
/// <see cref="IArchitecture"/>, <see cref="IAugmenter"/>, <see cref="IDataset"/> or <see cref="IEnvironment"/>.
/// The catalog creates a fresh instance whenever one is asked for, so instances may keep state.
/// </remarks>
public interface IPlugin
{
    /// <summary>Unique name across all loaded plugins (campaign files refer to it), e.g. "lenet".</summary>
    string Name { get; }

    /// <summary>The plugin's own semantic version, e.g. "1.2.0" (recorded with every trial).</summary>
    string Version { get; }

    /// <summary>The task the plugin serves.</summary>
    TaskKind Task { get; }

    /// <summary>One sentence for listings.</summary>
    string Description { get; }
}
