using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.Abstractions.Tests.Plugins;

public sealed class PluginContractTests
{
    [Fact]
    public void TheVersionConstantIsTheContractAssemblysVersion()
    {
        Version assembly = typeof(IPlugin).Assembly.GetName().Version!;

        Assert.Equal(PluginContract.Version, $"{assembly.Major}.{assembly.Minor}.{assembly.Build}");
        Assert.Equal(PluginContract.Major, assembly.Major);
        Assert.Equal(PluginContract.Major, Version.Parse(PluginContract.Version).Major);
    }

    [Theory]
    [InlineData("1.0.0.0")]
    [InlineData("1.7.3.0")]
    [InlineData("1.0")]
    public void TheSameMajorIsCompatible(string builtAgainst)
    {
        Assert.Null(PluginContract.CheckCompatibility(Version.Parse(builtAgainst)));
    }

    [Theory]
    [InlineData("2.0.0.0", "2.0.0")]
    [InlineData("0.9.1.0", "0.9.1")]
    [InlineData("3.1", "3.1.0")]
    public void AnotherMajorIsRefusedNamingBothVersions(string builtAgainst, string shown)
    {
        string? message = PluginContract.CheckCompatibility(Version.Parse(builtAgainst));

        Assert.Equal(
            $"built against plugin contract {shown} (AutoDnn.Abstractions), but this host has {PluginContract.Version}: "
            + $"major versions must match; rebuild the plugin against AutoDnn.Abstractions {PluginContract.Major}.x.",
            message);
    }

    [Fact]
    public void EveryPluginContractDerivesFromIPlugin()
    {
        Type[] contracts = [typeof(IArchitecture), typeof(IAugmenter), typeof(IDataset), typeof(IEnvironment)];

        Assert.All(contracts, c => Assert.True(typeof(IPlugin).IsAssignableFrom(c), c.Name));
        Assert.Equal(
            ["IArchitecture", "IAugmenter", "IBatchTransform", "IDataSource", "IDataset", "IEnvironment", "IExampleSet", "IInputReader", "IPlugin"],
            typeof(IPlugin).Assembly.GetExportedTypes()
                .Where(t => t.IsInterface && t.Namespace == typeof(IPlugin).Namespace)
                .Select(t => t.Name)
                .Order(StringComparer.Ordinal));
    }
}
