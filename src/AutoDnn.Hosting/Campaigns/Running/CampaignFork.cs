using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;
using AutoDnn.Training.Runs;

namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>Starts a new campaign from an existing one (optuna#2328): the new file may widen or change the search
/// space; every finished trial of the old campaign whose parameters still fit the new space is copied in as a completed
/// warm-start trial, so the sampler starts from that knowledge; the new budget is then run in full.</summary>
public static class CampaignFork
{
    /// <summary>Study user attribute on copied trials: "campaign#trial" they came from.</summary>
    public const string ForkedFromAttribute = "forked_from";

    /// <summary>Creates the new campaign and copies the compatible trials; returns how many were copied and skipped (with why).</summary>
    /// <exception cref="CampaignMismatchException">The source is missing, is the same campaign, or its objectives differ.</exception>
    public static ForkResult Fork(SqlStudyStorage storage, string sourceName, CampaignPlan target, string? specPath)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(target);
        if (string.Equals(sourceName, target.Name, StringComparison.Ordinal))
        {
            throw new CampaignMismatchException(
                $"the new campaign file is named '{target.Name}' like the campaign it forks; give it a new name: so both are kept.");
        }

        CampaignStatus source = CampaignStatus.Load(storage, sourceName);
        if (!source.Objectives.SequenceEqual(target.Objectives) || !source.Directions.SequenceEqual(target.Directions))
        {
            throw new CampaignMismatchException(
                $"campaign '{sourceName}' optimizes [{string.Join(", ", source.Objectives)}], the new file [{string.Join(", ", target.Objectives)}]: "
                + "trials can only be reused for the same objectives and directions.");
        }

        if (storage.FindStudy(target.Name) is not null)
        {
            throw new CampaignMismatchException($"a campaign named '{target.Name}' already exists in {target.Storage}; fork into a new name.");
        }

        CampaignSession.Prepare(target, storage, specPath);
        long targetId = storage.FindStudy(target.Name)!.StudyId;
        var skipped = new List<string>();
        int copied = 0;
        ITrialRunner runner = target.CreateRunner();
        try
        {
            foreach (FrozenTrial old in storage.GetAllTrials(storage.FindStudy(sourceName)!.StudyId).Where(t => t.State == TrialState.Complete))
            {
                string? why = Replay(target, runner, old, out FixedTrial replayed);
                if (why is not null)
                {
                    skipped.Add($"trial {old.Number}: {why}");
                    continue;
                }

                var attributes = new Dictionary<string, JsonElement>(old.UserAttributes, StringComparer.Ordinal)
                {
                    [ForkedFromAttribute] = JsonSerializer.SerializeToElement($"{sourceName}#{old.Number}"),
                };
                storage.CreateTrial(targetId, new FrozenTrial
                {
                    State = TrialState.Complete,
                    Values = old.Values,
                    InternalParams = replayed.Params.ToDictionary(p => p.Key, p => replayed.Distributions[p.Key].ToInternal(p.Value), StringComparer.Ordinal),
                    Distributions = replayed.Distributions,
                    IntermediateValues = old.IntermediateValues,
                    UserAttributes = attributes,
                    StartedAt = old.StartedAt,
                    FinishedAt = old.FinishedAt,
                });
                copied++;
            }
        }
        finally
        {
            (runner as IDisposable)?.Dispose();
        }

        return new ForkResult(copied, skipped);
    }

    /// <summary>Runs the new campaign's define-by-run code with the old trial's values (no training); null when every
    /// suggestion found its value inside the new distribution, else why not.</summary>
    private static string? Replay(CampaignPlan target, ITrialRunner runner, FrozenTrial old, out FixedTrial replayed)
    {
        replayed = new FixedTrial(old);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        try
        {
            runner.Run(target.WrapTrial(replayed), new TrialContext { Seed = 0, Cancellation = cancelled.Token });
        }
        catch (OperationCanceledException)
        {
            // The dry run ends before training.
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }

        return null;
    }
}
