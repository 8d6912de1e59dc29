using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;
using AutoDnn.Training.Runs;

namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>Reproduces a trial from its provenance: the same campaign file, parameters and seed, trained again here;
/// then compares the new objective values and fold-wise intermediate values with the stored ones.</summary>
public static class CampaignRerun
{
    /// <summary>Trains trial <paramref name="trialNumber"/> of the plan's campaign again (nothing is written to storage).</summary>
    public static RerunResult Run(CampaignPlan plan, SqlStudyStorage storage, int trialNumber, IProgress<TrainingProgress>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(storage);
        long studyId = storage.FindStudy(plan.Name)?.StudyId
            ?? throw new CampaignMismatchException($"no campaign named '{plan.Name}' in {plan.Storage}");
        FrozenTrial stored = storage.GetAllTrials(studyId).FirstOrDefault(t => t.Number == trialNumber)
            ?? throw new CampaignMismatchException($"campaign '{plan.Name}' has no trial {trialNumber}");
        if (stored.State is not (TrialState.Complete or TrialState.Pruned))
        {
            throw new CampaignMismatchException(
                $"trial {trialNumber} of '{plan.Name}' is {stored.State}; only complete or pruned trials have values to reproduce.");
        }

        int seed = (int?)storage.GetProvenance(stored.TrialId)?.Seed ?? TrialSeeds.For(plan.Seed, trialNumber);
        var replay = new FixedTrial(stored);
        ITrialRunner runner = plan.CreateRunner();
        TrialOutcome? outcome = null;
        try
        {
            outcome = runner.Run(plan.WrapTrial(replay), new TrialContext { Seed = seed, Device = plan.Devices[0], Cancellation = cancel, Progress = progress });
        }
        finally
        {
            (runner as IDisposable)?.Dispose();
        }

        IReadOnlyList<double>? values = stored.State == TrialState.Complete ? plan.Objectives.Select(outcome.Get).ToList() : null;
        var differences = new List<string>();
        if (stored.Values is { } old && values is not null)
        {
            differences.AddRange(old.Zip(values, plan.Objectives)
                .Where(x => x.First != x.Second)
                .Select(x => $"{x.Third}: stored {x.First:R}, now {x.Second:R}"));
        }

        foreach ((IntermediateKey key, double value) in stored.IntermediateValues)
        {
            if (!replay.IntermediateValues.TryGetValue(key, out double now))
            {
                differences.Add($"fold {key.Fold} step {key.Step}: stored {value:R}, not reported now");
            }
            else if (now != value)
            {
                differences.Add($"fold {key.Fold} step {key.Step}: stored {value:R}, now {now:R}");
            }
        }

        return new RerunResult(stored, seed, values, differences);
    }
}
