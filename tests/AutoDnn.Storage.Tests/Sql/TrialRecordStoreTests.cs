using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;

namespace AutoDnn.Storage.Tests.Sql;

/// <summary>Heartbeats, stale trials, retries, claims, provenance and artifacts: run over every SQL storage.</summary>
public abstract class TrialRecordStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>A temp folder for files the tests (and SQLite subclasses) need.</summary>
    protected TempFolder Folder => _folder;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_trial_whose_heartbeat_stopped_is_failed_after_the_grace_period_and_retried_once()
    {
        using SqlStudyStorage storage = CreateStorage();
        long study = storage.CreateStudy("s", [StudyDirection.Minimize]).StudyId;
        long beating = storage.CreateTrial(study).TrialId;
        long silent = storage.CreateTrial(study).TrialId;
        storage.SetTrialParam(beating, "x", 0.25, new FloatDistribution(0, 1));
        Assert.True(storage.RecordHeartbeat(beating));

        Assert.Empty(storage.FailStaleTrials(study, TimeSpan.FromSeconds(30), maxRetries: 1));
        Thread.Sleep(50);
        IReadOnlyList<FrozenTrial> failed = storage.FailStaleTrials(study, TimeSpan.FromMilliseconds(10), maxRetries: 1);

        Assert.Equal([beating], failed.Select(t => t.TrialId));
        Assert.Equal(TrialState.Fail, storage.GetTrial(beating).State);
        Assert.Contains("No heartbeat", storage.GetTrial(beating).SystemAttributes[TrialSystemAttributes.FailReason].GetString());
        Assert.Equal(TrialState.Running, storage.GetTrial(silent).State);
        Assert.False(storage.RecordHeartbeat(beating));

        var study2 = Study.Create(new StudyOptions { Name = "s", Storage = storage, LoadIfExists = true });
        Trial retry = study2.Ask();
        Assert.Equal(0.25, retry.SuggestFloat("x", 0, 1));
        Assert.Equal(0, retry.Snapshot.SystemAttributes[SqlStudyStorage.RetriedFromAttribute].GetInt32());
        Assert.True(storage.RecordHeartbeat(retry.TrialId));
        Thread.Sleep(50);
        storage.FailStaleTrials(study, TimeSpan.FromMilliseconds(10), maxRetries: 1);
        Assert.DoesNotContain(storage.GetAllTrials(study), t => t.State == TrialState.Waiting);
    }

    [Fact]
    public void A_trial_silent_since_it_started_is_stale_only_where_every_worker_beats()
    {
        // A campaign worker killed between taking a trial and its first beat leaves a Running trial with no heartbeat.
        using SqlStudyStorage storage = CreateStorage();
        long study = storage.CreateStudy("s", [StudyDirection.Minimize]).StudyId;
        long silent = storage.CreateTrial(study).TrialId;
        storage.SetTrialParam(silent, "x", 0.5, new FloatDistribution(0, 1));
        Thread.Sleep(50);

        Assert.Empty(storage.FailStaleTrials(study, TimeSpan.FromMilliseconds(10), maxRetries: 1));
        Assert.Empty(storage.FailStaleTrials(study, TimeSpan.FromSeconds(30), maxRetries: 1, silentSinceStart: true));
        IReadOnlyList<FrozenTrial> failed = storage.FailStaleTrials(study, TimeSpan.FromMilliseconds(10), maxRetries: 1, silentSinceStart: true);

        Assert.Equal([silent], failed.Select(t => t.TrialId));
        FrozenTrial retry = Assert.Single(storage.GetAllTrials(study), t => t.State == TrialState.Waiting);
        Assert.Equal(0, retry.SystemAttributes[SqlStudyStorage.RetriedFromAttribute].GetInt32());
    }

    [Fact]
    public void The_background_heartbeat_keeps_a_trial_alive_and_notices_when_it_was_failed()
    {
        using SqlStudyStorage storage = CreateStorage();
        long study = storage.CreateStudy("s", [StudyDirection.Minimize]).StudyId;
        long trial = storage.CreateTrial(study).TrialId;
        using (TrialHeartbeat heartbeat = TrialHeartbeat.Start(storage, trial, TimeSpan.FromMilliseconds(20)))
        {
            Thread.Sleep(300);
            Assert.Empty(storage.FailStaleTrials(study, TimeSpan.FromSeconds(2)));
            storage.TrySetTrialState(trial, TrialState.Running, TrialState.Fail);
            SpinWait.SpinUntil(() => heartbeat.IsStopped, TimeSpan.FromSeconds(5));
            Assert.True(heartbeat.IsStopped);
            Assert.Null(heartbeat.LastError);
        }
    }

    [Fact]
    public void Waiting_trials_are_claimed_oldest_first()
    {
        using SqlStudyStorage storage = CreateStorage();
        long study = storage.CreateStudy("s", [StudyDirection.Minimize]).StudyId;
        storage.CreateTrial(study);
        storage.CreateTrial(study, new FrozenTrial { State = TrialState.Waiting });
        storage.CreateTrial(study, new FrozenTrial { State = TrialState.Waiting });

        Assert.Equal(1, storage.ClaimWaitingTrial(study)!.Number);
        FrozenTrial second = storage.ClaimWaitingTrial(study)!;
        Assert.Equal(2, second.Number);
        Assert.Equal(TrialState.Running, second.State);
        Assert.NotNull(second.StartedAt);
        Assert.Null(storage.ClaimWaitingTrial(study));
    }

    [Fact]
    public void Provenance_is_recorded_replaced_and_frozen_with_the_trial()
    {
        using SqlStudyStorage storage = CreateStorage();
        long study = storage.CreateStudy("s", [StudyDirection.Minimize]).StudyId;
        long trial = storage.CreateTrial(study).TrialId;
        string plugin = _folder.File("plugin.dll");
        File.WriteAllText(plugin, "abc");
        Assert.Null(storage.GetProvenance(trial));

        storage.SetProvenance(trial, TrialProvenance.ForThisProcess() with { Seed = 1 });
        TrialProvenance full = TrialProvenance.ForThisProcess() with
        {
            Seed = 42,
            PluginName = "Vision",
            PluginVersion = "1.2.0",
            PluginSha256 = TrialProvenance.Sha256OfFile(plugin),
            LibTorchVersion = "1.13.1",
            Device = "cpu",
        };
        storage.SetProvenance(trial, full);

        Assert.Equal(full, storage.GetProvenance(trial));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", full.PluginSha256);
        Assert.Equal(Environment.MachineName, full.Host);
        storage.TrySetTrialState(trial, TrialState.Running, TrialState.Complete, [1]);
        Assert.Throws<InvalidOperationException>(() => storage.SetProvenance(trial, full));
        Assert.Throws<KeyNotFoundException>(() => storage.GetProvenance(-1));
    }

    [Fact]
    public void Artifacts_keep_path_and_sha256_by_name()
    {
        using SqlStudyStorage storage = CreateStorage();
        long trial = storage.CreateTrial(storage.CreateStudy("s", [StudyDirection.Minimize]).StudyId).TrialId;
        string weights = _folder.File("weights.pt");
        File.WriteAllBytes(weights, []);
        storage.AddArtifact(trial, "weights", weights);
        File.WriteAllText(weights, "abc");
        TrialArtifact replaced = storage.AddArtifact(trial, "weights", weights);
        storage.AddArtifact(trial, "log", weights);

        IReadOnlyList<TrialArtifact> artifacts = storage.GetArtifacts(trial);
        Assert.Equal(["log", "weights"], artifacts.Select(a => a.Name));
        Assert.Equal(replaced with { RecordedAt = artifacts[1].RecordedAt }, artifacts[1]);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", artifacts[1].Sha256);
        Assert.Equal(3, artifacts[1].SizeBytes);
        var missing = Assert.Throws<FileNotFoundException>(() => storage.AddArtifact(trial, "plot", _folder.File("none.png")));
        Assert.Contains("none.png", missing.Message);
    }

    [Fact]
    public void Json_attributes_and_categorical_params_round_trip()
    {
        using SqlStudyStorage storage = CreateStorage();
        long study = storage.CreateStudy("s", [StudyDirection.Maximize, StudyDirection.Minimize]).StudyId;
        long trial = storage.CreateTrial(study).TrialId;
        var choices = new CategoricalDistribution(["relu", 2, 2.5, true, null]);
        storage.SetTrialParam(trial, "act", 2, choices);
        storage.SetTrialAttribute(trial, Search.Storage.AttributeScope.User, "notes", JsonSerializer.SerializeToElement(new { a = new[] { 1, 2 } }));

        FrozenTrial read = storage.GetTrial(trial);
        Assert.Equal(2.5, read.Params["act"]);
        Assert.Equal(choices, read.Distributions["act"]);
        Assert.Equal("""{"a":[1,2]}""", read.UserAttributes["notes"].GetRawText());
        Assert.Equal([StudyDirection.Maximize, StudyDirection.Minimize], storage.GetStudy(study).Directions);
    }

    protected abstract SqlStudyStorage CreateStorage();
}
