using System.Text;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Hosting.Tests.Support;

namespace AutoDnn.Hosting.Tests.Plugins;

/// <summary>Each failure kind gives one entry naming the DLL and the reason, and the valid plugin beside it still works.</summary>
public sealed class PluginFailureTests
{
    [Fact]
    public void AFileThatIsNotAnAssemblyIsReported()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        fixtures.AddFile("readme.dll", Encoding.UTF8.GetBytes("this is text, not a DLL"));

        PluginEntry failure = LoadExpectingOneFailure(fixtures, PluginStatus.NotAssembly);
        Assert.Equal("readme.dll: not a .NET assembly (no PE header)", failure.Error);
    }

    [Fact]
    public void ANativeImageIsNotAnAssembly()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        // "MZ" and a PE header pointer to nothing: a PE reader sees an image without CLI metadata or a damaged one.
        byte[] bytes = new byte[512];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        fixtures.AddFile("native.dll", bytes);

        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);
        PluginEntry failure = Assert.Single(catalog.Failures);
        Assert.Contains(failure.Status, new[] { PluginStatus.NotAssembly, PluginStatus.Corrupt });
        Assert.StartsWith("native.dll: ", failure.Error);
        Assert.NotNull(catalog.Find("test-walk"));
    }

    [Fact]
    public void ACorruptAssemblyIsReported()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        byte[] bytes = File.ReadAllBytes(Path.Combine(PluginFixtures.BuiltFolder(PluginFixtures.Throwing), PluginFixtures.Throwing + ".dll"));
        // Break the metadata root signature ("BSJB") so the image is still PE but its metadata cannot be read.
        int signature = bytes.AsSpan().IndexOf("BSJB"u8);
        Assert.True(signature > 0);
        "XXXX"u8.CopyTo(bytes.AsSpan(signature));
        fixtures.AddFile("broken.dll", bytes);

        PluginEntry failure = LoadExpectingOneFailure(fixtures, PluginStatus.Corrupt);
        Assert.StartsWith("broken.dll: corrupt assembly image: ", failure.Error);
    }

    [Fact]
    public void APluginBuiltAgainstANewerContractMajorIsRefusedNamingBothVersions()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        fixtures.Add(PluginFixtures.NextMajor);

        PluginEntry failure = LoadExpectingOneFailure(fixtures, PluginStatus.IncompatibleContract);
        Assert.StartsWith("AutoDnn.TestPlugins.NextMajor.dll: built against plugin contract 2.0.0", failure.Error);
        Assert.Contains($"this host has {PluginContract.Version}", failure.Error);
    }

    [Fact]
    public void AMissingDependencyIsReportedByName()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        string dll = fixtures.Add(PluginFixtures.DependencyV1);
        File.Delete(Path.Combine(Path.GetDirectoryName(dll)!, "AutoDnn.TestDependency.dll"));

        PluginEntry failure = LoadExpectingOneFailure(fixtures, PluginStatus.MissingDependency);
        Assert.StartsWith("AutoDnn.TestPlugins.DependencyV1.dll: ", failure.Error);
        Assert.Contains("missing dependency AutoDnn.TestDependency, Version=1.0.0.0", failure.Error);
    }

    [Fact]
    public void AConstructorThatThrowsFailsOnlyThatPlugin()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        fixtures.Add(PluginFixtures.Throwing);

        PluginEntry failure = LoadExpectingOneFailure(fixtures, PluginStatus.ConstructorFailed, "test-survivor");
        Assert.Equal(
            "AutoDnn.TestPlugins.Throwing.dll: AutoDnn.TestPlugins.Throwing.ThrowingDataset threw while being created: "
            + "InvalidOperationException: the throwing fixture refuses to start",
            failure.Error);
    }

    [Fact]
    public void TheSecondPluginWithATakenNameIsRefusedAndTheFirstKept()
    {
        using var fixtures = new PluginFixtures();
        string first = fixtures.Add(PluginFixtures.Valid, "a-first");
        fixtures.Add(PluginFixtures.Valid, "b-copy");
        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);

        Assert.Equal(4, catalog.Loaded.Count());
        Assert.All(catalog.Loaded, e => Assert.Equal(first, e.AssemblyPath));
        Assert.Equal(4, catalog.Failures.Count());
        Assert.All(catalog.Failures, e => Assert.Equal(PluginStatus.DuplicateName, e.Status));
        PluginEntry walk = catalog.Failures.Single(e => e.Name == "test-walk");
        Assert.Equal(
            $"AutoDnn.TestPlugins.Valid.dll: the name 'test-walk' (AutoDnn.TestPlugins.Valid.WalkEnvironment) is already taken by "
            + $"AutoDnn.TestPlugins.Valid.WalkEnvironment in {first}",
            walk.Error);
    }

    [Fact]
    public void AnAssemblyThatReferencesTheContractsButDeclaresNoPluginIsReported()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        // The host's own Hosting assembly references AutoDnn.Abstractions and implements none of the plugin contracts.
        File.Copy(typeof(PluginCatalog).Assembly.Location, Path.Combine(fixtures.Root, "AutoDnn.Hosting.dll"));

        PluginEntry failure = LoadExpectingOneFailure(fixtures, PluginStatus.NoPluginTypes);
        Assert.StartsWith("AutoDnn.Hosting.dll: references AutoDnn.Abstractions but declares no public class implementing", failure.Error);
    }

    [Fact]
    public void EveryFailureKindAtOnceLeavesTheValidPluginUsable()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        fixtures.Add(PluginFixtures.Valid, "z-duplicate");
        fixtures.Add(PluginFixtures.NextMajor);
        fixtures.Add(PluginFixtures.Throwing);
        string dependent = fixtures.Add(PluginFixtures.DependencyV2);
        File.Delete(Path.Combine(Path.GetDirectoryName(dependent)!, "AutoDnn.TestDependency.dll"));
        fixtures.AddFile("text.dll", Encoding.UTF8.GetBytes("text"));

        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);

        Assert.Equal(
            new[]
            {
                PluginStatus.NotAssembly, PluginStatus.IncompatibleContract, PluginStatus.MissingDependency,
                PluginStatus.ConstructorFailed, PluginStatus.DuplicateName,
            },
            catalog.Failures.Select(e => e.Status).Distinct().Order());
        Assert.All(catalog.Failures, e => Assert.Matches(@"^[\w.]+\.dll: ", e.Error));
        Assert.Equal(2, catalog.Create<IEnvironment>("test-walk").ActionCount);
        Assert.NotNull(catalog.Find("test-survivor"));
    }

    private static PluginEntry LoadExpectingOneFailure(PluginFixtures fixtures, PluginStatus status, string alsoLoaded = "test-walk")
    {
        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);
        PluginEntry failure = Assert.Single(catalog.Failures);
        Assert.Equal(status, failure.Status);
        Assert.NotNull(catalog.Find(alsoLoaded));
        Assert.Equal(2, catalog.Create<IEnvironment>("test-walk").ActionCount);
        return failure;
    }
}
