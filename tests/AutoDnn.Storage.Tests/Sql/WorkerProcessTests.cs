using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;

namespace AutoDnn.Storage.Tests.Sql;

/// <summary>Real processes sharing one storage: 8 workers × 50 trials, and a worker killed with SIGKILL while it holds a trial.</summary>
public abstract class WorkerProcessTests
{
    private const string Worker = "AutoDnn.Storage.TestWorker.dll";

    [Fact]
    public void Eight_processes_of_fifty_trials_each_share_one_study_without_losing_or_repeating_a_trial()
    {
        string url = CreateUrl();
        var workers = Enumerable.Range(0, 8)
            .Select(i => ChildProcess.Start(Worker, ["optimize", url, "shared", "50", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            .ToList();
        try
        {
            foreach (ChildProcess worker in workers)
            {
                worker.WaitForExit(TimeSpan.FromMinutes(5));
                Assert.True(worker.ExitCode == 0, $"worker exited with {worker.ExitCode}: {worker.Stderr}");
                Assert.Equal("done 50", worker.Stdout.Trim());
                Assert.Equal(string.Empty, worker.Stderr);
            }
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }

        using SqlStudyStorage storage = StorageUrl.Parse(url).Open();
        IReadOnlyList<FrozenTrial> trials = storage.GetAllTrials(storage.FindStudy("shared")!.StudyId);
        Assert.Equal(Enumerable.Range(0, 400), trials.Select(t => t.Number));
        Assert.Equal(400, trials.Select(t => t.TrialId).Distinct().Count());
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(trials, t => Assert.Equal(Math.Pow((double)t.Params["x"]!, 2) + (int)t.Params["y"]!, t.Value!.Value, 12));
    }

    [Fact]
    public void A_trial_held_by_a_killed_worker_is_failed_after_the_grace_period_and_nothing_else_is_lost()
    {
        string url = CreateUrl();
        using SqlStudyStorage storage = StorageUrl.Parse(url).Open();
        var study = Study.Create(new StudyOptions { Name = "crash", Storage = storage });
        study.Optimize(t => t.SuggestFloat("x", -10, 10), 3);

        long heldId;
        using (ChildProcess holder = ChildProcess.Start(Worker, ["hold", url, "crash", "100", "7"]))
        {
            heldId = long.Parse(holder.WaitForLine("holding ", TimeSpan.FromMinutes(1))["holding ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Thread.Sleep(300);
            holder.KillHard();
        }

        TimeSpan grace = TimeSpan.FromSeconds(3);
        Assert.Empty(storage.FailStaleTrials(study.Id, grace));
        Assert.Equal(TrialState.Running, storage.GetTrial(heldId).State);
        Thread.Sleep(grace + TimeSpan.FromMilliseconds(300));

        IReadOnlyList<FrozenTrial> failed = storage.FailStaleTrials(study.Id, grace);
        Assert.Equal([heldId], failed.Select(t => t.TrialId));
        IReadOnlyList<FrozenTrial> trials = storage.GetAllTrials(study.Id);
        Assert.Equal([TrialState.Complete, TrialState.Complete, TrialState.Complete, TrialState.Fail], trials.Select(t => t.State));
        Assert.True(trials[3].Params.ContainsKey("x"));
        Assert.All(trials.Take(3), t => Assert.NotNull(t.Value));
    }

    /// <summary>A storage URL naming a fresh, empty database.</summary>
    protected abstract string CreateUrl();
}
