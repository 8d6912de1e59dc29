using System.Diagnostics;
using System.Globalization;
using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage;
using AutoDnn.Storage.Sql;
using AutoDnn.Torch;
using AutoDnn.Training.Runs;

namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>Runs a campaign's trials one after another until its budget slots are taken: takes a Waiting trial, trains
/// it with heartbeats and provenance, tells the result; fails stale trials of dead workers so their slots run again.</summary>
/// <remarks>
/// Budget slots are Waiting trials enqueued when the campaign is created (<see cref="CampaignSession"/>); taking one is
/// an atomic Waiting → Running transition in storage, so any number of workers on any number of machines meet the
/// budget exactly. A worker ends when no slot is left and no other worker's trial is still running (a running trial
/// may yet fail as stale and come back as a Waiting retry).
/// </remarks>
public sealed class CampaignWorker
{
    /// <summary>How many times a dead worker's trial is re-queued before it stays failed.</summary>
    public const int MaxRetries = 3;

    private readonly CampaignPlan _plan;
    private readonly SqlStudyStorage _storage;
    private readonly Device _device;
    private readonly ICampaignObserver? _observer;

    public CampaignWorker(CampaignPlan plan, SqlStudyStorage storage, string workerId, Device device, ICampaignObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        _plan = plan;
        _storage = storage;
        WorkerId = workerId;
        _device = device;
        _observer = observer;
    }

    /// <summary>Shown in progress lines and stored on each trial ("host:pid/index").</summary>
    public string WorkerId { get; }

    /// <summary>Opens the campaign's study for this worker (sampler and pruner from the plan).</summary>
    public Study OpenStudy() => Study.Create(new StudyOptions
    {
        Name = _plan.Name,
        Directions = _plan.Directions,
        Storage = _storage,
        Sampler = _plan.CreateSampler(),
        Pruner = _plan.CreatePruner(),
        LoadIfExists = true,
    });

    /// <summary>Runs trials until no budget slot is left, the time budget is spent, or <paramref name="interrupt"/> fires.</summary>
    public WorkerSummary Run(CancellationToken interrupt)
    {
        Study study = OpenStudy();
        ITrialRunner runner = _plan.CreateRunner();
        try
        {
            return RunTrials(study, runner, interrupt);
        }
        finally
        {
            (runner as IDisposable)?.Dispose();
        }
    }

    private WorkerSummary RunTrials(Study study, ITrialRunner runner, CancellationToken interrupt)
    {
        var clock = Stopwatch.StartNew();
        var summary = new WorkerSummary();
        while (!interrupt.IsCancellationRequested)
        {
            if (_plan.TimeBudget is { } budget && clock.Elapsed >= budget)
            {
                summary.StoppedByTime = true;
                break;
            }

            // Every campaign worker beats, so a trial silent since it started (its worker died before the first beat) is stale too.
            _storage.FailStaleTrials(study.Id, _plan.StaleGrace, MaxRetries, silentSinceStart: true);
            Trial? trial;
            try
            {
                trial = study.AskWaiting();
            }
            catch (SearchSpaceExhaustedException)
            {
                summary.SpaceExhausted = true;
                break;
            }

            if (trial is null)
            {
                if (!study.Trials.Any(t => t.State == TrialState.Running))
                {
                    break;
                }

                // Another worker's trial is still running: it may die and come back as a retry. Look again soon.
                if (interrupt.WaitHandle.WaitOne(TimeSpan.FromSeconds(1)))
                {
                    break;
                }

                continue;
            }

            if (!RunTrial(study, trial, runner, summary, interrupt))
            {
                break;
            }
        }

        return summary;
    }

    /// <summary>Runs one trial; false when the worker must stop (interrupted).</summary>
    private bool RunTrial(Study study, Trial trial, ITrialRunner runner, WorkerSummary summary, CancellationToken interrupt)
    {
        int seed = TrialSeeds.For(_plan.Seed, trial.Number);
        PluginEntry main = _plan.Plugins[0];
        _storage.SetProvenance(trial.TrialId, TrialProvenance.ForThisProcess() with
        {
            Seed = seed,
            PluginName = main.Name,
            PluginVersion = main.Version,
            PluginSha256 = main.Sha256,
            LibTorchVersion = LibTorch.Version,
            Device = _device.ToString(),
        });
        trial.SetUserAttribute(TrialAttributeKeys.Worker, WorkerId);
        trial.SetUserAttribute("plugins", _plan.Plugins.Select(p => new { name = p.Name, version = p.Version, sha256 = p.Sha256 }).ToArray());

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        if (_plan.TrialTime is { } trialTime)
        {
            limit.CancelAfter(trialTime);
        }

        using TrialHeartbeat beat = TrialHeartbeat.Start(_storage, trial.TrialId, _plan.HeartbeatInterval);
        using var watch = new Timer(_ => { if (beat.IsStopped) { TryCancel(limit); } }, null, _plan.HeartbeatInterval, _plan.HeartbeatInterval);
        _observer?.TrialStarted(WorkerId, trial.Number, trial.Params);
        var progress = new Progress(this, trial.Number);
        var context = new TrialContext { Seed = seed, Device = _device, Cancellation = limit.Token, Progress = progress };
        TrialOutcome? outcome = null;
        string? note = null;
        bool keepGoing = true;
        try
        {
            ITrial wrapped = _plan.WrapTrial(trial);
            outcome = runner.Run(wrapped, context);
            TrialOutcomeAttributes.Write(trial, outcome);
            double[] values = _plan.Objectives.Select(outcome.Get).ToArray();
            study.Tell(trial, values);
            summary.Completed++;
        }
        catch (TrialPrunedException)
        {
            study.Tell(trial, TrialState.Pruned);
            note = "pruned";
            summary.Pruned++;
        }
        catch (TrialFailedException e)
        {
            note = e.Message;
            study.Fail(trial, e.Message);
            summary.Failed++;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            // Ctrl+C: the trial did not fail on its merits; run its configuration again when the campaign resumes.
            note = "interrupted; it runs again when the campaign resumes";
            study.Fail(trial, "interrupted (Ctrl+C); re-queued");
            study.Enqueue(trial.Params);
            keepGoing = false;
            summary.Interrupted++;
        }
        catch (OperationCanceledException) when (beat.IsStopped)
        {
            // Another worker judged this trial dead (no heartbeat) and re-queued it: drop our copy.
            note = "taken over after a missed heartbeat";
            summary.Abandoned++;
        }
        catch (OperationCanceledException) when (_plan.TrialTime is { } t)
        {
            note = string.Create(CultureInfo.InvariantCulture, $"stopped: ran longer than the per-trial limit of {t}");
            study.Fail(trial, note);
            summary.Failed++;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A plugin or data error: record it with the trial and go on with the next one.
            note = $"{e.GetType().Name}: {e.Message}";
            study.Fail(trial, note);
            summary.Failed++;
        }

        FrozenTrial stored = study.Storage.GetTrial(trial.TrialId);
        _observer?.TrialFinished(WorkerId, stored, outcome, note);
        return keepGoing;
    }

    private static void TryCancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private sealed class Progress(CampaignWorker worker, int trialNumber) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => worker._observer?.TrialProgress(worker.WorkerId, trialNumber, value);
    }
}
