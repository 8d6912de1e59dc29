using AutoDnn.Search.Trials;
using AutoDnn.Training.Runs;

namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>What a worker tells the console (or a test) while it runs trials. Calls come from the worker's thread.</summary>
public interface ICampaignObserver
{
    void TrialStarted(string worker, int trialNumber, IReadOnlyDictionary<string, object?> parameters);

    void TrialProgress(string worker, int trialNumber, TrainingProgress progress);

    /// <summary>The trial ended: <paramref name="trial"/> is its stored state; <paramref name="note"/> says why it failed or was pruned.</summary>
    void TrialFinished(string worker, FrozenTrial trial, TrialOutcome? outcome, string? note);
}
