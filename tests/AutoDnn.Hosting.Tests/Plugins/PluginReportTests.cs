using AutoDnn.Hosting.Plugins;
using AutoDnn.Hosting.Tests.Support;

namespace AutoDnn.Hosting.Tests.Plugins;

public sealed class PluginReportTests
{
    [Fact]
    public void ListsNameKindTaskVersionAssemblyShaPrefixAndStatus()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Throwing);
        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);
        string sha = catalog.Entries[0].Sha256[..PluginReport.ShaPrefixLength];

        string[] lines = PluginReport.Listing(catalog.Entries).TrimEnd().Split(Environment.NewLine);

        Assert.Equal(3, lines.Length);
        Assert.Equal("NAME           KIND         TASK                   VERSION  ASSEMBLY                          SHA256        STATUS", lines[0]);
        Assert.Contains(lines, l => l == $"test-survivor  Environment  ReinforcementLearning  1.0.0    AutoDnn.TestPlugins.Throwing.dll  {sha}  ok");
        Assert.Contains(lines, l => l.StartsWith("-              Dataset      -                      -        AutoDnn.TestPlugins.Throwing.dll  ", StringComparison.Ordinal)
            && l.EndsWith("ConstructorFailed: AutoDnn.TestPlugins.Throwing.dll: AutoDnn.TestPlugins.Throwing.ThrowingDataset threw while being created: InvalidOperationException: the throwing fixture refuses to start", StringComparison.Ordinal));
    }
}
