using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;
using AutoDnn.Storage.Tests.Cli;

namespace AutoDnn.Storage.Tests.Postgres;

/// <summary>Four autodnn processes share one PostgreSQL campaign; one is killed with SIGKILL in the middle of a trial.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCampaignWorkersTests(PostgresServer server)
{
    [Fact]
    public void Four_workers_meet_the_budget_exactly_and_a_killed_workers_trial_runs_again()
    {
        using var folder = new TempFolder();
        string url = server.CreateDatabase();
        const int Budget = 12;
        string file = CampaignCli.WriteDigitsCampaign(folder.Path, "shared", Budget, url);
        var fastStale = new Dictionary<string, string> { ["AUTODNN_STALE_GRACE"] = "6" };

        using ChildProcess run = CampaignCli.Start(["run", file], folder.Path, fastStale);
        run.WaitForLine("storage ", TimeSpan.FromSeconds(180));
        var workers = Enumerable.Range(1, 3)
            .Select(i => CampaignCli.Start(["worker", "--storage", url, "--campaign", "shared", "--index", i.ToString(System.Globalization.CultureInfo.InvariantCulture)], folder.Path, fastStale))
            .ToList();
        try
        {
            // Kill worker 1 while it holds a running trial.
            ChildProcess victim = workers[0];
            string marker = $":{victim.Id}/1";
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!Trials(url).Any(t => t.State == TrialState.Running && WorkerOf(t).EndsWith(marker, StringComparison.Ordinal)))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(180), $"worker 1 never ran a trial: {victim.Stdout}{victim.Stderr}");
                Thread.Sleep(50);
            }

            victim.KillHard();
            run.WaitForExit(TimeSpan.FromSeconds(300));
            foreach (ChildProcess worker in workers.Skip(1))
            {
                worker.WaitForExit(TimeSpan.FromSeconds(120));
                Assert.True(worker.ExitCode == 0, $"worker exit {worker.ExitCode}: {worker.Stdout}{worker.Stderr}");
            }

            Assert.True(run.ExitCode == 0, $"run exit {run.ExitCode}: {run.Stdout}{run.Stderr}");
            IReadOnlyList<FrozenTrial> trials = Trials(url);
            Assert.Equal(Budget, trials.Count(t => t.State == TrialState.Complete));
            FrozenTrial killed = Assert.Single(trials, t => t.State == TrialState.Fail);
            Assert.EndsWith(marker, WorkerOf(killed), StringComparison.Ordinal);
            Assert.Equal(Budget + 1, trials.Count);
            Assert.Equal(trials.Count, trials.Select(t => t.Number).Distinct().Count());
            Assert.Contains(trials, t => t.State == TrialState.Complete && t.Number > killed.Number && t.Params["mlp.width"]!.Equals(killed.Params["mlp.width"]));
            Assert.True(trials.Select(WorkerOf).Distinct().Count() >= 3, "the trials were spread over the workers");
        }
        finally
        {
            foreach (ChildProcess worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    private static string WorkerOf(FrozenTrial trial) =>
        trial.UserAttributes.TryGetValue("worker", out var w) ? w.GetString() ?? string.Empty : string.Empty;

    private static IReadOnlyList<FrozenTrial> Trials(string url)
    {
        using SqlStudyStorage storage = StorageUrl.Parse(url).Open();
        return storage.FindStudy("shared") is { } study ? storage.GetAllTrials(study.StudyId) : [];
    }
}
