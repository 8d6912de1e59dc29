using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Hosting.Tests.Support;
using AutoDnn.Torch;

namespace AutoDnn.Hosting.Tests.Plugins;

public sealed class PluginCatalogTests
{
    [Fact]
    public void LoadsEveryKindFromAValidPlugin()
    {
        using var fixtures = new PluginFixtures();
        string dll = fixtures.Add(PluginFixtures.Valid);
        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);

        Assert.Empty(catalog.Failures);
        Assert.Equal(
            ["test-counting", "test-noise", "test-perceptron", "test-walk"],
            catalog.Loaded.Select(e => e.Name!).Order(StringComparer.Ordinal));
        PluginEntry noise = catalog.Find("TEST-NOISE")!;
        Assert.Equal(PluginKind.Augmenter, noise.Kind);
        Assert.Equal(TaskKind.ImageClassification, noise.Task);
        Assert.Equal("1.2.3", noise.Version);
        Assert.Equal(dll, noise.AssemblyPath);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dll))), noise.Sha256);
        Assert.Equal(PluginKind.Architecture, catalog.Find("test-perceptron")!.Kind);
        Assert.Equal(PluginKind.Dataset, catalog.Find("test-counting")!.Kind);
        Assert.Equal(PluginKind.Environment, catalog.Find("test-walk")!.Kind);
    }

    [Fact]
    public void CreatedPluginsWorkThroughTheHostsContracts()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);
        using DisposeScope scope = LibTorch.NewScope();

        var trial = new RecordingTrial();
        IArchitecture architecture = catalog.Create<IArchitecture>("test-perceptron");
        using (var model = architecture.Build(trial, new TaskSpec(TaskKind.ImageClassification, [1, 4, 4], 3)))
        {
            Assert.Equal([5, 3], model.Forward(Tensor.Zeros(5, 1, 4, 4)).Shape);
        }

        IBatchTransform transform = catalog.Create<IAugmenter>("test-noise").Configure(trial);
        using var generator = new Generator(7);
        Assert.Equal([2, 3], transform.Apply(Tensor.Zeros(2, 3), generator).Shape);

        using IDataSource data = catalog.Create<IDataset>("test-counting").Open(new Dictionary<string, string> { ["count"] = "6" });
        Assert.Equal(6, data.Train.Count);
        Assert.Equal(1, data.Train.Get(3).Label);
        Assert.Equal([7f, -7f], data.Test!.Get(1).Input.ToArray<float>());
        Assert.Throws<ArgumentException>(() => catalog.Create<IDataset>("test-counting").Open(new Dictionary<string, string> { ["path"] = "x" }));

        IEnvironment environment = catalog.Create<IEnvironment>("test-walk");
        Assert.Equal([0f], environment.Reset(seed: 0));
        StepResult step = default;
        for (int i = 0; i < 3; i++)
        {
            step = environment.Step(1);
        }

        Assert.Equal([3f], step.Observation);
        Assert.Equal(1.0, step.Reward);
        Assert.True(step.Terminated);
        Assert.False(step.Truncated);
    }

    [Fact]
    public void CreateGivesAFreshInstanceEachTime()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);

        IEnvironment first = catalog.Create<IEnvironment>("test-walk");
        IEnvironment second = catalog.Create<IEnvironment>("test-walk");
        first.Reset();
        first.Step(1);

        Assert.NotSame(first, second);
        Assert.Equal([0f], second.Reset());
    }

    [Fact]
    public void CreateNamesTheLoadedPluginsWhenTheNameIsUnknownAndTheKindWhenItIsWrong()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);

        var unknown = Assert.Throws<KeyNotFoundException>(() => catalog.Create<IDataset>("nope"));
        Assert.Contains("test-counting, test-noise, test-perceptron, test-walk", unknown.Message);
        var wrongKind = Assert.Throws<InvalidCastException>(() => catalog.Create<IDataset>("test-walk"));
        Assert.Contains("Environment", wrongKind.Message);
    }

    [Fact]
    public void TwoPluginsWithDifferentVersionsOfOneDependencyEachSeeTheirOwn()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.DependencyV1);
        fixtures.Add(PluginFixtures.DependencyV2);
        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);

        Assert.Empty(catalog.Failures);
        Assert.Equal("sees edition 1, assembly 1.0.0.0", catalog.Find("test-dependency-v1")!.Description);
        Assert.Equal("sees edition 2, assembly 2.0.0.0", catalog.Find("test-dependency-v2")!.Description);
        Assert.Equal([2f], catalog.Create<IEnvironment>("test-dependency-v2").Reset());
    }

    [Fact]
    public void DependencyDllsInAPluginFolderAreNotListedAsPlugins()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.DependencyV1);
        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);

        Assert.Equal(["AutoDnn.TestPlugins.DependencyV1.dll"], catalog.Entries.Select(e => e.AssemblyFile));
    }

    [Fact]
    public void DisposingTheCatalogUnloadsThePluginContexts()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        WeakReference context = LoadUseAndDispose(fixtures.Root);

        for (int i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(context.IsAlive, "the plugin's load context was not collected after the catalog was disposed");
    }

    [Fact]
    public void ADisposedCatalogRefusesUse()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);
        catalog.Dispose();

        Assert.Throws<ObjectDisposedException>(() => catalog.Find("test-walk"));
        Assert.Throws<ObjectDisposedException>(() => catalog.Entries);
    }

    [Fact]
    public void AMissingFolderIsAnErrorNamingIt()
    {
        string missing = Path.Combine(Path.GetTempPath(), "autodnn-no-such-folder-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<DirectoryNotFoundException>(() => PluginCatalog.Load([missing]));
        Assert.Contains(missing, e.Message);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadUseAndDispose(string folder)
    {
        PluginCatalog catalog = PluginCatalog.Load([folder]);
        IEnvironment environment = catalog.Create<IEnvironment>("test-walk");
        Assert.Equal(2, environment.ActionCount);
        var context = new WeakReference(System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(environment.GetType().Assembly));
        Assert.IsType<PluginLoadContext>(context.Target);
        catalog.Dispose();
        return context;
    }
}
