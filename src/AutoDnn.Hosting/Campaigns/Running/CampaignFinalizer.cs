using System.Text.Json;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;
using AutoDnn.Training.Runs;
using AutoDnn.Training.Supervised;

namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>After the budget is spent: trains the best configuration on all training data, evaluates it once on the
/// dataset's test split (never used for selection), saves the model as the best trial's artifacts and records the test
/// metrics in the campaign (study attribute <see cref="CampaignSession.FinalAttribute"/>).</summary>
public static class CampaignFinalizer
{
    /// <summary>The final evaluation, or null when there is nothing to do (no complete trial, multi-objective, RL, or done before).</summary>
    public static FinalEvaluation? Run(CampaignPlan plan, SqlStudyStorage storage, ITrialRunner runner, IProgress<TrainingProgress>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(runner);
        var record = storage.FindStudy(plan.Name);
        if (record is null || record.Directions.Count != 1 || runner is not SupervisedTrialRunner supervised
            || record.UserAttributes.ContainsKey(CampaignSession.FinalAttribute))
        {
            return null;
        }

        var complete = storage.GetAllTrials(record.StudyId).Where(t => t.State == TrialState.Complete && t.Value is not null).ToList();
        if (complete.Count == 0)
        {
            return null;
        }

        FrozenTrial best = record.Directions[0] == StudyDirection.Maximize ? complete.MaxBy(t => t.Value)! : complete.MinBy(t => t.Value)!;
        string folder = Path.Combine(plan.ArtifactRoot, $"trial-{best.Number}");
        var fixedTrial = new FixedTrial(best);
        int seed = TrialSeeds.For(plan.Seed, best.Number);
        int epochs = plan.FinalEpochs > 0 ? plan.FinalEpochs : 10;
        using FinalModel model = supervised.TrainFinal(
            plan.WrapTrial(fixedTrial), new TrialContext { Seed = seed, Device = plan.Devices[0], Cancellation = cancel, Progress = progress }, epochs, folder);
        storage.AddArtifact(best.TrialId, "model.json", Path.Combine(folder, ModelManifest.FileName));
        storage.AddArtifact(best.TrialId, "model.pt", Path.Combine(folder, ModelManifest.WeightsFileName));
        var evaluation = new FinalEvaluation(best.Number, best.Value!.Value, model.TestMetrics, model.TestConfusion, folder, model.Manifest.TrainMetrics, model.Manifest.TrainingExamples, epochs);
        storage.SetStudyAttribute(
            record.StudyId,
            Search.Storage.AttributeScope.User,
            CampaignSession.FinalAttribute,
            JsonSerializer.SerializeToElement(new
            {
                trial = evaluation.Trial,
                validation_value = evaluation.ValidationValue,
                test_metrics = evaluation.TestMetrics?.Where(p => double.IsFinite(p.Value)).ToDictionary(p => p.Key, p => p.Value),
                test_confusion = evaluation.TestConfusion,
                model_folder = evaluation.ModelFolder,
                training_examples = evaluation.TrainingExamples,
                epochs = evaluation.Epochs,
            }));
        return evaluation;
    }
}
