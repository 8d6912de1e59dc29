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
        const int Budget = 16;
        string file = CampaignCli.WriteDigitsCampaign(folder.Path, "shared", Budget, url, epochs: 6, examples: 1200);
        var fastStale = new Dictionary<string, string> { ["AUTODNN_STALE_GRACE"] = "6" };

        using ChildProcess run = CampaignCli.Start(["run", file], folder.Path, fastStale);
        run.WaitForLine("storage ", TimeSpan.FromSeconds(180));
        var workers = Enumerable.Range(1, 3)
            .Select(i => CampaignCli.Start(["worker", "--storage", url, "--campaign", "shared", "--index", i.ToString(System.Globalization.CultureInfo.InvariantCulture)], folder.Path, fastStale))
            .ToList();
        try
        {
            // Kill one of the three joined workers (whichever first holds a running trial) in the middle of that trial.
            ChildProcess? victim = null;
            string marker = string.Empty;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (victim is null)
            {
                IReadOnlyList<FrozenTrial> running = [.. Trials(url).Where(t => t.State == TrialState.Running)];
                for (int i = 0; i < workers.Count && victim is null; i++)
                {
                    string candidate = $":{workers[i].Id}/{i + 1}";
                    if (running.Any(t => WorkerOf(t).EndsWith(candidate, StringComparison.Ordinal)))
                    {
                        (victim, marker) = (workers[i], candidate);
                    }
                }

                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(240), $"no joined worker ran a trial: {run.Stdout}");
                Thread.Sleep(20);
            }

            victim.KillHard();
            run.WaitForExit(TimeSpan.FromSeconds(300));
            foreach (ChildProcess worker in workers.Where(w => w != victim))
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
            FrozenTrial retry = Assert.Single(trials, t => t.SystemAttributes.TryGetValue(SqlStudyStorage.RetriedFromAttribute, out var from) && from.GetInt32() == killed.Number);
            Assert.Equal(TrialState.Complete, retry.State);
            Assert.All(killed.Params, p => Assert.Equal(p.Value, retry.Params[p.Key]));
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
