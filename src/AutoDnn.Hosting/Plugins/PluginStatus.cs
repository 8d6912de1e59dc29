namespace AutoDnn.Hosting.Plugins;

/// <summary>The outcome of loading one plugin (or one DLL, when it failed before any plugin type was found).</summary>
public enum PluginStatus
{
    /// <summary>Loaded and usable.</summary>
    Loaded,

    /// <summary>The file is not a .NET assembly (no PE header, or a native image).</summary>
    NotAssembly,

    /// <summary>The file looks like a .NET assembly but its image or metadata is damaged.</summary>
    Corrupt,

    /// <summary>Built against a plugin contract with another major version.</summary>
    IncompatibleContract,

    /// <summary>An assembly the plugin needs is neither in its folder nor in its deps.json.</summary>
    MissingDependency,

    /// <summary>The plugin's constructor (or one of its descriptive properties) threw.</summary>
    ConstructorFailed,

    /// <summary>Another plugin already loaded under the same name.</summary>
    DuplicateName,

    /// <summary>The assembly references the contracts but declares no public, creatable plugin type.</summary>
    NoPluginTypes,

    /// <summary>Loading failed for another reason (the message says which).</summary>
    LoadFailed,
}
