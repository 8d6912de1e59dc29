using AutoDnn.Abstractions.Plugins;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Hosting.Tests.Support;
using AutoDnn.Torch;

namespace AutoDnn.Hosting.Tests.Plugins;

/// <summary>The `dotnet new autodnn-plugin` template, end to end: instantiate, build offline, drop into a plugins folder, use.</summary>
public sealed class PluginTemplateTests
{
    [Fact]
    public void ANewPluginFromTheTemplateBuildsLoadsAndBuildsAModel()
    {
        DirectoryInfo work = Directory.CreateTempSubdirectory("autodnn-template-");
        try
        {
            string hive = Path.Combine(work.FullName, "hive");
            string project = Path.Combine(work.FullName, "Acme.Mlp");
            string plugins = Path.Combine(work.FullName, "plugins", "acme");
            string template = Path.Combine(DotnetCli.RepositoryRoot(), "templates", "autodnn-plugin");

            DotnetCli.Run(work.FullName, "new", "install", template, "--debug:custom-hive", hive);
            DotnetCli.Run(work.FullName, "new", "autodnn-plugin", "-n", "Acme.Mlp", "--pluginName", "acme-mlp", "-o", project, "--debug:custom-hive", hive);
            // Compile against the contracts this host ships (the test's output folder), as docs/PLUGINS.md describes.
            DotnetCli.Run(project, "build", "-c", "Release", "-nodeReuse:false", $"-p:AutoDnnPath={AppContext.BaseDirectory}");

            string output = Path.Combine(project, "bin", "Release", "net10.0");
            Assert.False(File.Exists(Path.Combine(output, "AutoDnn.Abstractions.dll")), "the plugin must not ship the contracts");
            Directory.CreateDirectory(plugins);
            foreach (string file in Directory.EnumerateFiles(output))
            {
                File.Copy(file, Path.Combine(plugins, Path.GetFileName(file)));
            }

            UseThePlugin(Path.GetDirectoryName(plugins)!);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void UseThePlugin(string folder)
    {
        using PluginCatalog catalog = PluginCatalog.Load([folder]);
        PluginEntry entry = Assert.Single(catalog.Entries);
        Assert.True(entry.IsLoaded, entry.Error);
        Assert.Equal(("acme-mlp", PluginKind.Architecture, "Acme.Mlp.dll"), (entry.Name, entry.Kind!.Value, entry.AssemblyFile));

        PluginInspection inspection = PluginInspector.Inspect(catalog, "acme-mlp");
        Assert.Equal(
            ["acme-mlp.layers", "acme-mlp.width", "acme-mlp.activation", "acme-mlp.dropout"],
            inspection.Parameters.Select(p => p.Name));

        using DisposeScope scope = LibTorch.NewScope();
        var trial = new RecordingTrial();
        using var model = catalog.Create<IArchitecture>("acme-mlp").Build(trial, new TaskSpec(TaskKind.ImageClassification, [1, 8, 8], 10));
        Assert.Equal([2L, 10], model.Forward(Tensor.Zeros(2, 1, 8, 8)).Shape);
        Assert.Equal(2, trial.Params["acme-mlp.layers"]);
    }
}
