using System.CommandLine;
using System.Globalization;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Storage;
using AutoDnn.Storage.Sql;
using AutoDnn.Torch;
using AutoDnn.Training.Supervised;

namespace AutoDnn.Cli.Campaigns;

/// <summary><c>autodnn predict --trial N --input FILE</c>: loads the model saved for a trial (its model.json artifact) and
/// prints the predicted class and probability for each input the dataset plugin reads from FILE.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var storage = new Option<string>("--storage")
        {
            Description = "Storage URL.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AUTODNN_STORAGE") ?? StorageUrl.Default,
        };
        var campaign = new Option<string?>("--campaign") { Description = "Campaign name (default: the only campaign in the storage)." };
        var trial = new Option<int>("--trial") { Description = "The trial whose saved model predicts (the best trial of a finished campaign).", Required = true };
        var input = new Option<string>("--input") { Description = "Input file in a format the campaign's dataset plugin reads (e.g. PNG, .npy, text lines).", Required = true };
        var plugins = CampaignCommandSupport.PluginsOption();
        var command = new Command("predict", "Predict with a trial's saved model.") { storage, campaign, trial, input, plugins };
        command.SetAction(r => CampaignCommandSupport.Guard(() =>
        {
            string url = r.GetValue(storage)!;
            string name = r.GetValue(campaign) ?? RerunCommand.OnlyCampaign(url);
            int number = r.GetValue(trial);
            (string yaml, string? path) = WorkerCommand.LoadSpecText(url, name);
            CampaignSpec spec = CampaignSpec.Parse(yaml, path ?? $"campaign '{name}'", path is null ? null : Path.GetDirectoryName(path));
            if (spec.Task.Dataset is not { } datasetReference)
            {
                throw new ArgumentException($"campaign '{name}' is a reinforcement-learning campaign; predict works on dataset campaigns.");
            }

            string manifest = ModelManifestPath(url, name, number);
            using PluginCatalog catalog = CampaignCommandSupport.LoadCatalog(spec, r.GetValue(plugins) ?? []);
            spec.ValidatePlugins(PluginDirectory.FromCatalog(catalog));
            using FinalModel model = SupervisedTrialRunner.LoadModel(
                Path.GetDirectoryName(manifest)!, catalog.Create<IArchitecture>(spec.Task.Architecture.Name));
            using IDataSource source = catalog.Create<IDataset>(datasetReference.Name).Open(datasetReference.Options);
            if (source is not IInputReader reader)
            {
                throw new ArgumentException($"dataset plugin '{datasetReference.Name}' cannot read inputs for prediction (it does not implement IInputReader).");
            }

            using var scope = LibTorch.NewScope();
            IReadOnlyList<Tensor> inputs = reader.ReadInputs(r.GetValue(input)!);
            var predictions = model.Predict(inputs);
            IReadOnlyList<string> classes = model.Manifest.Classes;
            for (int i = 0; i < predictions.Count; i++)
            {
                var p = predictions[i];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i}\t{classes[p.ClassIndex]}\t{p.Probabilities[p.ClassIndex]:0.0000}"));
            }

            return 0;
        }));
        return command;
    }

    private static string ModelManifestPath(string url, string name, int number)
    {
        using SqlStudyStorage s = StorageUrl.Parse(url).Open();
        long studyId = s.FindStudy(name)?.StudyId ?? throw new ArgumentException($"no campaign named '{name}' in {s.Location}");
        var trial = s.GetAllTrials(studyId).FirstOrDefault(t => t.Number == number)
            ?? throw new ArgumentException($"campaign '{name}' has no trial {number}");
        var artifact = s.GetArtifacts(trial.TrialId).FirstOrDefault(a => a.Name == ModelManifest.FileName)
            ?? throw new ArgumentException(
                $"trial {number} of '{name}' has no saved model; models are saved for the best trial when a campaign finishes (see autodnn status --campaign {name}).");
        return File.Exists(artifact.Path)
            ? artifact.Path
            : throw new FileNotFoundException($"trial {number}'s model file {artifact.Path} is gone (recorded sha256 {artifact.Sha256[..12]}…).", artifact.Path);
    }
}
