using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Hosting.Tests.Support;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;
using AutoDnn.Torch;
using AutoDnn.Training.Runs;

namespace AutoDnn.Hosting.Tests.Campaigns.Running;

[Collection(GlobalRandomCollection.Name)]
public sealed class CampaignWorkerTests
{
    [Fact]
    public async Task Three_workers_on_one_storage_meet_the_budget_exactly()
    {
        using var fixture = new RunningFixture();
        CampaignPlan plan = fixture.Plan(trials: 7);
        using (SqlStudyStorage setup = plan.Storage.Open())
        {
            Assert.True(CampaignSession.Prepare(plan, setup, specPath: null));
            Assert.False(CampaignSession.Prepare(plan, setup, specPath: null));
        }

        var workers = Enumerable.Range(0, 3).Select(i => Task.Run(() =>
        {
            using SqlStudyStorage storage = plan.Storage.Open();
            return new CampaignWorker(plan, storage, $"w{i}", Device.Cpu).Run(CancellationToken.None);
        })).ToArray();
        WorkerSummary[] summaries = await Task.WhenAll(workers);

        using SqlStudyStorage check = plan.Storage.Open();
        IReadOnlyList<FrozenTrial> trials = check.GetAllTrials(check.FindStudy("blobs")!.StudyId);
        Assert.Equal(7, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal(7, summaries.Sum(w => w.Completed));
        Assert.Equal(trials.Count, trials.Select(t => t.Number).Distinct().Count());
        FrozenTrial first = trials[0];
        Assert.Equal(3, first.IntermediateValues.Keys.Select(k => k.Fold).Distinct().Count());
        Assert.True(first.UserAttributes.ContainsKey(TrialAttributeKeys.Metrics));
        Assert.Equal(TrialSeeds.For(7, first.Number), check.GetProvenance(first.TrialId)!.Seed);
        Assert.Equal("tiny", check.GetProvenance(first.TrialId)!.PluginName);
    }

    [Fact]
    public void The_same_campaign_and_seed_gives_identical_trial_values()
    {
        double[] Run()
        {
            using var fixture = new RunningFixture();
            CampaignPlan plan = fixture.Plan(trials: 3, seed: 5);
            using SqlStudyStorage storage = plan.Storage.Open();
            CampaignSession.Prepare(plan, storage, null);
            new CampaignWorker(plan, storage, "w0", Device.Cpu).Run(CancellationToken.None);
            return [.. storage.GetAllTrials(storage.FindStudy("blobs")!.StudyId).Select(t => t.Value!.Value)];
        }

        double[] first = Run();
        double[] second = Run();
        Assert.Equal(3, first.Length);
        Assert.Equal(first, second);
    }

    [Fact]
    public void An_interrupted_trial_is_requeued_and_a_resumed_run_finishes_the_budget()
    {
        using var fixture = new RunningFixture();
        CampaignPlan plan = fixture.Plan(trials: 4);
        using SqlStudyStorage storage = plan.Storage.Open();
        CampaignSession.Prepare(plan, storage, null);
        using var interrupt = new CancellationTokenSource();
        var observer = new CancelOnProgress(interrupt, trialNumber: 1);
        WorkerSummary stopped = new CampaignWorker(plan, storage, "w0", Device.Cpu, observer).Run(interrupt.Token);
        Assert.Equal(1, stopped.Completed);
        Assert.Equal(1, stopped.Interrupted);

        IReadOnlyList<FrozenTrial> afterStop = storage.GetAllTrials(storage.FindStudy("blobs")!.StudyId);
        FrozenTrial interrupted = afterStop.Single(t => t.Number == 1);
        Assert.Equal(TrialState.Fail, interrupted.State);
        Assert.Contains("interrupted", interrupted.SystemAttributes[TrialSystemAttributes.FailReason].GetString(), StringComparison.Ordinal);

        WorkerSummary resumed = new CampaignWorker(plan, storage, "w1", Device.Cpu).Run(CancellationToken.None);
        IReadOnlyList<FrozenTrial> all = storage.GetAllTrials(storage.FindStudy("blobs")!.StudyId);
        Assert.Equal(3, resumed.Completed);
        Assert.Equal(4, all.Count(t => t.State == TrialState.Complete));
        Assert.Equal(0, all.Count(t => t.State is TrialState.Waiting or TrialState.Running));
        FrozenTrial rerun = all.Single(t => t.State == TrialState.Complete && t.Number >= 4);
        Assert.Equal(interrupted.Params, rerun.Params);
    }

    [Fact]
    public void A_dead_workers_trial_is_failed_as_stale_and_its_slot_runs_again()
    {
        using var fixture = new RunningFixture();
        CampaignPlan plan = fixture.Plan(trials: 3, staleGrace: TimeSpan.FromSeconds(1));
        using SqlStudyStorage storage = plan.Storage.Open();
        CampaignSession.Prepare(plan, storage, null);
        var worker = new CampaignWorker(plan, storage, "w0", Device.Cpu);

        // A worker that took a slot, beat once and died (as after kill -9).
        Study study = worker.OpenStudy();
        Trial dead = study.AskWaiting()!;
        dead.SuggestInt("tiny.hidden", 4, 16);
        Assert.True(storage.RecordHeartbeat(dead.TrialId));

        WorkerSummary summary = worker.Run(CancellationToken.None);
        IReadOnlyList<FrozenTrial> all = storage.GetAllTrials(study.Id);
        Assert.Equal(3, summary.Completed);
        Assert.Equal(3, all.Count(t => t.State == TrialState.Complete));
        Assert.Equal(TrialState.Fail, all.Single(t => t.Number == dead.Number).State);
        Assert.Contains(all, t => t.State == TrialState.Complete && Equals(t.Params["tiny.hidden"], dead.Params["tiny.hidden"]) && t.Number > dead.Number);
    }

    [Fact]
    public void A_trial_whose_loss_becomes_nan_fails_with_the_reason_and_the_campaign_goes_on()
    {
        using var fixture = new RunningFixture();
        CampaignPlan plan = fixture.Plan(trials: 3, wrap: t => t.Number == 1 ? new HugeLearningRate(t) : t);
        using SqlStudyStorage storage = plan.Storage.Open();
        CampaignSession.Prepare(plan, storage, null);
        WorkerSummary summary = new CampaignWorker(plan, storage, "w0", Device.Cpu).Run(CancellationToken.None);

        IReadOnlyList<FrozenTrial> all = storage.GetAllTrials(storage.FindStudy("blobs")!.StudyId);
        Assert.Equal((2, 1), (summary.Completed, summary.Failed));
        FrozenTrial failed = all.Single(t => t.State == TrialState.Fail);
        Assert.Equal(1, failed.Number);
        string reason = failed.SystemAttributes[TrialSystemAttributes.FailReason].GetString()!;
        Assert.True(reason.Contains("NaN", StringComparison.OrdinalIgnoreCase) || reason.Contains("inf", StringComparison.OrdinalIgnoreCase), reason);
    }

    [Fact]
    public void After_the_budget_the_best_trial_is_retrained_evaluated_on_the_test_split_and_saved()
    {
        using var fixture = new RunningFixture();
        CampaignPlan plan = fixture.Plan(trials: 3);
        using SqlStudyStorage storage = plan.Storage.Open();
        CampaignSession.Prepare(plan, storage, null);
        new CampaignWorker(plan, storage, "w0", Device.Cpu).Run(CancellationToken.None);

        ITrialRunner runner = plan.CreateRunner();
        FinalEvaluation final = CampaignFinalizer.Run(plan, storage, runner, null, CancellationToken.None)!;
        Assert.Null(CampaignFinalizer.Run(plan, storage, runner, null, CancellationToken.None));
        (runner as IDisposable)?.Dispose();

        CampaignStatus status = CampaignStatus.Load(storage, "blobs");
        Assert.Equal(status.Best!.Number, final.Trial);
        Assert.InRange(final.TestMetrics!["accuracy"], 0.0, 1.0);
        Assert.True(File.Exists(Path.Combine(final.ModelFolder, "model.json")));
        Assert.Equal(["model.json", "model.pt"], storage.GetArtifacts(status.Best.TrialId).Select(a => a.Name).Order());
        Assert.Equal(final.Trial, status.Final!.Value.GetProperty("trial").GetInt32());
        Assert.Equal(JsonValueKind.Object, status.Final.Value.GetProperty("test_metrics").ValueKind);
    }

    private sealed class CancelOnProgress(CancellationTokenSource source, int trialNumber) : ICampaignObserver
    {
        public void TrialStarted(string worker, int number, IReadOnlyDictionary<string, object?> parameters)
        {
        }

        public void TrialProgress(string worker, int number, TrainingProgress progress)
        {
            if (number == trialNumber)
            {
                source.Cancel();
            }
        }

        public void TrialFinished(string worker, FrozenTrial trial, TrialOutcome? outcome, string? note)
        {
        }
    }

    /// <summary>Answers SGD with momentum, learning rate 1e30 and no clipping, so that training diverges; the rest passes through.</summary>
    private sealed class HugeLearningRate(ITrial inner) : ITrial
    {
        public int Number => inner.Number;

        public IReadOnlyDictionary<string, object?> Params => inner.Params;

        public IReadOnlyDictionary<string, JsonElement> UserAttributes => inner.UserAttributes;

        public double SuggestFloat(string name, double low, double high, bool log = false, double? step = null) =>
            name switch
            {
                "train.lr" => 1e30,
                "train.momentum" => 0.9,
                _ => inner.SuggestFloat(name, low, high, log, step),
            };

        public int SuggestInt(string name, int low, int high, bool log = false, int step = 1) => inner.SuggestInt(name, low, high, log, step);

        public T SuggestCategorical<T>(string name, IReadOnlyList<T> choices) =>
            name switch
            {
                "train.optimizer" => (T)(object)"sgd",
                "train.schedule" => (T)(object)"constant",
                "train.clip_norm" => default!,
                _ => inner.SuggestCategorical(name, choices),
            };

        public object? Suggest(string name, Distribution distribution) => inner.Suggest(name, distribution);

        public void Report(double value, int step, int fold = 0) => inner.Report(value, step, fold);

        public bool ShouldPrune() => inner.ShouldPrune();

        public void SetUserAttribute<T>(string key, T value) => inner.SetUserAttribute(key, value);
    }
}
