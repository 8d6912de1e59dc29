using System.CommandLine;
using System.Globalization;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Training.Baselines;

namespace AutoDnn.Cli.Campaigns;

/// <summary><c>autodnn baseline campaign.yaml</c>: the majority-class and (for text) bag-of-words logistic-regression
/// baselines on the campaign's dataset, trained on its training split and scored on its test split — the numbers a
/// searched model has to beat.</summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("campaign") { Description = "A campaign file whose dataset (with its options) the baselines use." };
        var plugins = CampaignCommandSupport.PluginsOption();
        var command = new Command("baseline", "Score simple baselines on a campaign's dataset (test split).") { file, plugins };
        command.SetAction(r => CampaignCommandSupport.Guard(() =>
        {
            CampaignSpec spec = CampaignSpec.Load(r.GetValue(file)!);
            if (spec.Task.Dataset is not { } reference)
            {
                throw new ArgumentException($"campaign '{spec.Name}' has no dataset (baselines are for dataset campaigns).");
            }

            using PluginCatalog catalog = CampaignCommandSupport.LoadCatalog(spec, r.GetValue(plugins) ?? []);
            spec.ValidatePlugins(PluginDirectory.FromCatalog(catalog));
            using IDataSource source = catalog.Create<IDataset>(reference.Name).Open(reference.Options);
            var results = new List<BaselineResult> { MajorityClassBaseline.Evaluate(source) };
            if (source.Vocabulary is not null)
            {
                results.Add(new BagOfWordsLogisticRegression().Evaluate(source));
            }

            Console.WriteLine($"baselines on {reference.Name} ({source.Train.Count} training, {results[0].TestCount} test examples):");
            Console.WriteLine("| baseline | test accuracy | test macro F1 |");
            Console.WriteLine("|---|---:|---:|");
            foreach (BaselineResult result in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {result.Name} | {result.Accuracy:0.0000} | {result.MacroF1:0.0000} |"));
            }

            return 0;
        }));
        return command;
    }
}
