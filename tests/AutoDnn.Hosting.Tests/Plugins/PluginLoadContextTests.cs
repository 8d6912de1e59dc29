using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Hosting.Tests.Support;
using AutoDnn.Torch;

namespace AutoDnn.Hosting.Tests.Plugins;

public sealed class PluginLoadContextTests
{
    [Fact]
    public void HandsOutTheHostsContractsAndTorchWhateverVersionIsAskedFor()
    {
        var context = new PluginLoadContext(Path.Combine(PluginFixtures.BuiltFolder(PluginFixtures.Valid), PluginFixtures.Valid + ".dll"));
        try
        {
            Assert.Same(typeof(IPlugin).Assembly, context.LoadFromAssemblyName(new AssemblyName("AutoDnn.Abstractions, Version=2.0.0.0")));
            Assert.Same(typeof(Tensor).Assembly, context.LoadFromAssemblyName(new AssemblyName("AutoDnn.Torch")));
            Assert.True(PluginLoadContext.IsShared("AutoDnn.Abstractions"));
            Assert.False(PluginLoadContext.IsShared("AutoDnn.TestDependency"));
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void LoadsPrivateDependenciesFromThePluginsOwnFolder()
    {
        string folder = PluginFixtures.BuiltFolder(PluginFixtures.DependencyV2);
        var context = new PluginLoadContext(Path.Combine(folder, PluginFixtures.DependencyV2 + ".dll"));
        try
        {
            Assembly dependency = context.LoadFromAssemblyName(new AssemblyName("AutoDnn.TestDependency"));

            Assert.Equal(new Version(2, 0, 0, 0), dependency.GetName().Version);
            Assert.Equal(Path.Combine(folder, "AutoDnn.TestDependency.dll"), dependency.Location);
            Assert.Same(context, System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(dependency));
            Assert.True(context.IsCollectible);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void ResolvesNativeLibrariesListedInTheDepsJson()
    {
        using var fixtures = new PluginFixtures();
        string dll = fixtures.Add(PluginFixtures.Valid);
        string folder = Path.GetDirectoryName(dll)!;
        // Any small native library will do. It is listed as a package's RID-specific asset, which stays in its
        // runtimes/ subfolder, so only the deps.json (not the plugin folder itself) leads to it.
        const string relative = "runtimes/linux-x64/native/libautodnn_fixture.so";
        string native = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(native)!);
        File.Copy(LibZ(), native);
        string depsPath = Path.ChangeExtension(dll, ".deps.json");
        JsonNode deps = JsonNode.Parse(File.ReadAllText(depsPath))!;
        deps["targets"]!.AsObject().First().Value!["AutoDnn.Fixture.Native/1.0.0"] =
            new JsonObject
            {
                ["runtimeTargets"] = new JsonObject { [relative] = new JsonObject { ["rid"] = "linux-x64", ["assetType"] = "native" } },
            };
        deps["libraries"]!["AutoDnn.Fixture.Native/1.0.0"] = new JsonObject
        {
            ["type"] = "package", ["serviceable"] = false, ["sha512"] = string.Empty, ["path"] = "autodnn.fixture.native/1.0.0",
        };
        File.WriteAllText(depsPath, deps.ToJsonString());

        var context = new PluginLoadContext(dll);
        try
        {
            Assembly plugin = context.LoadPlugin();
            Assert.Throws<DllNotFoundException>(() => NativeLibrary.Load("autodnn_absent", plugin, null));
            IntPtr handle = NativeLibrary.Load("autodnn_fixture", plugin, null);
            Assert.NotEqual(IntPtr.Zero, handle);
            Assert.NotEqual(IntPtr.Zero, NativeLibrary.GetExport(handle, "zlibVersion"));
        }
        finally
        {
            context.Unload();
        }
    }

    private static string LibZ()
    {
        string[] candidates = ["/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib/aarch64-linux-gnu/libz.so.1", "/usr/lib/libz.so.1"];
        return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException($"no libz.so.1 in {string.Join(", ", candidates)}");
    }
}
