using System.Reflection;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Plugins.Vision.Architectures;

namespace AutoDnn.Plugins.Vision.Tests;

public class PluginDiscoveryTests
{
    // What the host's catalog loads: public, non-abstract IPlugin classes with a public parameterless constructor.
    private static List<IPlugin> Discover() => typeof(SimpleCnnArchitecture).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPlugin).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (IPlugin)Activator.CreateInstance(t)!).ToList();

    [Fact]
    public void TheAssemblyDeclaresExactlyTheTwelveNamedImagePlugins()
    {
        List<IPlugin> plugins = Discover();
        Assert.Equal(
            new[]
            {
                "fashion-mnist", "gaussian-noise", "image-folder", "mlp", "npy", "random-crop", "random-erasing",
                "random-horizontal-flip", "random-rotation", "resnet", "simple-cnn", "sklearn-digits",
            },
            plugins.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(plugins, p =>
        {
            Assert.Equal(TaskKind.ImageClassification, p.Task);
            Assert.Matches(@"^\d+\.\d+\.\d+$", p.Version);
            Assert.False(string.IsNullOrWhiteSpace(p.Description));
        });
        Assert.Equal(3, plugins.OfType<IArchitecture>().Count());
        Assert.Equal(5, plugins.OfType<IAugmenter>().Count());
        Assert.Equal(4, plugins.OfType<IDataset>().Count());
    }

    [Fact]
    public void EveryPublicTypeHasADocComment()
    {
        string xml = Path.ChangeExtension(typeof(SimpleCnnArchitecture).Assembly.Location, ".xml");
        string docs = File.ReadAllText(xml);
        Assert.All(typeof(SimpleCnnArchitecture).Assembly.GetExportedTypes(), t => Assert.Contains($"\"T:{t.FullName}\"", docs, StringComparison.Ordinal));
    }
}
