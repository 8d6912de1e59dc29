using AutoDnn.Abstractions.Plugins;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Hosting.Plugins;

namespace AutoDnn.Hosting.Tests.Campaigns.Spec;

public sealed class CampaignPluginCheckTests
{
    private static readonly PluginDirectory Plugins = new(
    [
        new PluginInfo("sklearn-digits", PluginKind.Dataset, TaskKind.ImageClassification),
        new PluginInfo("fortunes", PluginKind.Dataset, TaskKind.TextClassification),
        new PluginInfo("simple-cnn", PluginKind.Architecture, TaskKind.ImageClassification),
        new PluginInfo("lenet", PluginKind.Architecture, TaskKind.ImageClassification),
        new PluginInfo("lstm", PluginKind.Architecture, TaskKind.TextClassification),
        new PluginInfo("random-crop", PluginKind.Augmenter, TaskKind.ImageClassification),
        new PluginInfo("gaussian-noise", PluginKind.Augmenter, TaskKind.ImageClassification),
        new PluginInfo("token-dropout", PluginKind.Augmenter, TaskKind.TextClassification),
        new PluginInfo("cartpole", PluginKind.Environment, TaskKind.ReinforcementLearning),
    ]);

    [Fact]
    public void TheFullExamplePassesWithTheRightPlugins() =>
        CampaignSpec.Parse(CampaignExamples.Full, "quickstart.yaml").ValidatePlugins(Plugins);

    [Fact]
    public void UnknownPluginNameListsTheKnownOnesOfThatKind() => AssertPluginErrors(
        "task: {dataset: sklearn-digits, architecture: simple-cn, augmenters: [flip]}",
        "p.yaml:1:47: task.architecture: no plugin is named \"simple-cn\"; write simple-cnn instead",
        "p.yaml:1:71: task.augmenters[0]: no plugin is named \"flip\"; write one of the known image classification augmenters (gaussian-noise, random-crop) instead");

    [Fact]
    public void PluginOfTheWrongKind() => AssertPluginErrors(
        "task: {dataset: simple-cnn, architecture: sklearn-digits}",
        "p.yaml:1:17: task.dataset: plugin \"simple-cnn\" is an architecture, not a dataset; write one of the known datasets (fortunes, sklearn-digits) instead",
        "p.yaml:1:43: task.architecture: plugin \"sklearn-digits\" is a dataset, not an architecture; write one of the known architectures (lenet, lstm, simple-cnn) instead");

    [Fact]
    public void PluginOfTheWrongTask() => AssertPluginErrors(
        "task: {dataset: sklearn-digits, architecture: lstm, augmenters: [random-crop, token-dropout]}",
        "p.yaml:1:47: task.architecture: architecture \"lstm\" is for text classification, but the dataset \"sklearn-digits\" is for image classification; write one of the known image classification architectures (lenet, simple-cnn) instead",
        "p.yaml:1:79: task.augmenters[1]: augmenter \"token-dropout\" is for text classification, but the dataset \"sklearn-digits\" is for image classification; write one of the known image classification augmenters (gaussian-noise, random-crop) instead");

    [Fact]
    public void NoPluginOfTheKindIsLoaded() => AssertPluginErrors(
        "task: {environment: cartpole, architecture: simple-cnn}\ntraining: {steps: 10}",
        "p.yaml:1:45: task.architecture: architecture \"simple-cnn\" is for image classification, but the environment \"cartpole\" is for reinforcement learning; no reinforcement learning architectures are loaded; add a folder with one under plugins: instead");

    [Fact]
    public void TheDirectoryAdaptsAPluginCatalog()
    {
        using PluginCatalog catalog = PluginCatalog.Load([]);
        PluginDirectory directory = PluginDirectory.FromCatalog(catalog);
        Assert.Empty(directory.Plugins);
        Assert.Null(directory.Find("anything"));
        Assert.Equal(PluginKind.Dataset, Plugins.Find("SKLEARN-DIGITS")!.Kind);
    }

    private static void AssertPluginErrors(string taskLine, params string[] expected)
    {
        string yaml = taskLine + (taskLine.Contains("training", StringComparison.Ordinal) ? string.Empty : "\ntraining: {epochs: 1}") + "\nname: p\nbudget: {trials: 1}\n";
        CampaignSpec spec = CampaignSpec.Parse(yaml, "p.yaml");
        CampaignValidationException e = Assert.Throws<CampaignValidationException>(() => spec.ValidatePlugins(Plugins));
        Assert.Equal(string.Join("\n", expected), string.Join("\n", e.Errors.Select(x => x.ToString())));
    }
}
