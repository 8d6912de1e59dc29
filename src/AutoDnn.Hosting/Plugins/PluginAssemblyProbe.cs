using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AutoDnn.Hosting.Plugins;

/// <summary>Reads a DLL's metadata without loading it: is it a .NET assembly, and which contract version does it reference?</summary>
internal sealed class PluginAssemblyProbe
{
    private const string ContractAssemblyName = "AutoDnn.Abstractions";

    private PluginAssemblyProbe(PluginStatus? failure, string? reason, Version? contractVersion)
    {
        Failure = failure;
        Reason = reason;
        ContractVersion = contractVersion;
    }

    /// <summary>NotAssembly or Corrupt when the file cannot be a plugin; null otherwise.</summary>
    public PluginStatus? Failure { get; }

    /// <summary>Why the probe failed.</summary>
    public string? Reason { get; }

    /// <summary>The AutoDnn.Abstractions version the assembly was built against; null when it does not reference it (not a plugin).</summary>
    public Version? ContractVersion { get; }

    public static PluginAssemblyProbe Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        if (stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false) < 2 || magic[0] != (byte)'M' || magic[1] != (byte)'Z')
        {
            return new(PluginStatus.NotAssembly, "not a .NET assembly (no PE header)", null);
        }

        stream.Position = 0;
        try
        {
            using var pe = new PEReader(stream, PEStreamOptions.LeaveOpen);
            if (!pe.HasMetadata)
            {
                return new(PluginStatus.NotAssembly, "not a .NET assembly (a native image without .NET metadata)", null);
            }

            MetadataReader metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                return new(PluginStatus.NotAssembly, "not a .NET assembly (a module without an assembly manifest)", null);
            }

            foreach (AssemblyReferenceHandle handle in metadata.AssemblyReferences)
            {
                AssemblyReference reference = metadata.GetAssemblyReference(handle);
                if (metadata.StringComparer.Equals(reference.Name, ContractAssemblyName))
                {
                    return new(null, null, reference.Version);
                }
            }

            return new(null, null, null);
        }
        catch (BadImageFormatException e)
        {
            return new(PluginStatus.Corrupt, $"corrupt assembly image: {e.Message}", null);
        }
    }
}
