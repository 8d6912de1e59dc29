using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Hosting.Tests.Support;

namespace AutoDnn.Hosting.Tests.Plugins;

public sealed class PluginInspectorTests
{
    [Fact]
    public void TracesAnArchitecturesHyperparametersWithDomainsAndDefaults()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);

        PluginInspection inspection = PluginInspector.Inspect(catalog, "test-perceptron");

        Assert.Equal(["perceptron.hidden", "perceptron.activation", "perceptron.init_scale"], inspection.Parameters.Select(p => p.Name));
        Assert.Equal(new IntDistribution(8, 128, log: true), inspection.Parameters[0].Distribution);
        Assert.Equal(32, inspection.Parameters[0].DefaultValue);
        Assert.Equal("relu", inspection.Parameters[1].DefaultValue);
        Assert.Equal(0.01, (double)inspection.Parameters[2].DefaultValue!, 12);
        Assert.StartsWith("ImageClassification input [1, 28, 28], 10 outputs", inspection.TracedFor);
    }

    [Fact]
    public void TracesAnAugmenterAndRendersTheTable()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);

        string text = PluginReport.Inspection(PluginInspector.Inspect(catalog, "test-noise"));

        string[] lines = text.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("test-noise 1.2.3 (Augmenter, ImageClassification)", lines[0]);
        Assert.Contains("PARAMETER          TYPE         RANGE             DEFAULT", lines);
        Assert.Contains("test-noise.std     float        [0, 0.2]          0.1", lines);
        Assert.Contains("test-noise.copies  int          [1, 9] step 2     5", lines);
        Assert.Contains("test-noise.mode    categorical  {\"add\", \"scale\"}  \"add\"", lines);
    }

    [Fact]
    public void AnEnvironmentHasNoHyperparametersAndAnUnknownNameIsAnError()
    {
        using var fixtures = new PluginFixtures();
        fixtures.Add(PluginFixtures.Valid);
        using PluginCatalog catalog = PluginCatalog.Load([fixtures.Root]);

        Assert.Empty(PluginInspector.Inspect(catalog, "test-walk").Parameters);
        Assert.EndsWith("no hyperparameters", PluginReport.Inspection(PluginInspector.Inspect(catalog, "test-walk")).TrimEnd());
        Assert.Throws<KeyNotFoundException>(() => PluginInspector.Inspect(catalog, "absent"));
    }
}
