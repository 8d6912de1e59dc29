using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage;
using AutoDnn.Storage.Sqlite;

namespace AutoDnn.Web.Tests.Seeding;

/// <summary>Builds SQLite stores the way campaigns write them (params, curves per fold, trainer attributes, provenance), seeded.</summary>
internal static class ViewerSeed
{
    public const string HostileName = "mnist <script>window.__xss = 1</script>";
    public const string HostileChoice = "<script>window.__xss = 2</script>";
    public const string MultiName = "multi-objective";

    public static readonly DateTimeOffset Epoch = new(2026, 1, 2, 3, 0, 0, TimeSpan.Zero);

    private static readonly FloatDistribution Lr = new(1e-4, 1e-1, log: true);
    private static readonly IntDistribution Layers = new(1, 4);
    private static readonly CategoricalDistribution Optimizer = new(["adam", "sgd", HostileChoice]);

    /// <summary>
    /// Two campaigns. The first (<see cref="HostileName"/>, minimize) has 30 trials: 24 Complete with values 1/(n+1)
    /// except trial 7 which is best at 0.001, 2 Pruned, 2 Fail, 1 Running on worker "w1", 1 Waiting. Trial 7 has
    /// provenance and an artifact. The second (<see cref="MultiName"/>) has 6 complete two-objective trials.
    /// </summary>
    public static SeededStore Small(string folder)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "viewer.db");
        using var storage = new SqliteStudyStorage(path);
        StudyRecord study = storage.CreateStudy(HostileName, [StudyDirection.Minimize]);
        var numbers = new Dictionary<int, long>();
        for (int n = 0; n < 30; n++)
        {
            TrialState state = n switch
            {
                24 or 25 => TrialState.Pruned,
                26 or 27 => TrialState.Fail,
                28 => TrialState.Running,
                29 => TrialState.Waiting,
                _ => TrialState.Complete,
            };
            FrozenTrial template = Trial(n, state, n == 7 ? 0.001 : 1.0 / (n + 1), folds: 2);
            if (n is 7 or 8)
            {
                // Provenance and artifacts are recorded while a trial runs; then it completes.
                FrozenTrial running = storage.CreateTrial(study.StudyId, template with { State = TrialState.Running, Values = null, FinishedAt = null });
                storage.SetProvenance(running.TrialId, n == 7
                    ? new TrialProvenance { Seed = 1234, PluginName = "cnn", PluginVersion = "1.2.0", PluginSha256 = "ab12cd34", LibTorchVersion = "2.1.2", Device = "cpu", Host = "node-a", ProgramVersion = "0.1.0" }
                    : new TrialProvenance { Seed = 99, PluginName = "cnn", PluginVersion = "1.3.0", Device = "cuda:0", Host = "node-b" });
                if (n == 7)
                {
                    string weights = Path.Combine(folder, "trial7.bin");
                    File.WriteAllBytes(weights, [1, 2, 3, 4, 5]);
                    storage.AddArtifact(running.TrialId, "weights", weights);
                }

                storage.TrySetTrialState(running.TrialId, TrialState.Running, TrialState.Complete, template.Values);
                numbers[n] = running.TrialId;
                continue;
            }

            numbers[n] = storage.CreateTrial(study.StudyId, template).TrialId;
        }

        StudyRecord multi = storage.CreateStudy(MultiName, [StudyDirection.Minimize, StudyDirection.Maximize]);
        for (int n = 0; n < 6; n++)
        {
            storage.CreateTrial(multi.StudyId, Trial(n, TrialState.Complete, n, folds: 1) with { Values = [n, n * n % 5] });
        }

        return new SeededStore(path, study.StudyId, multi.StudyId, numbers);
    }

    /// <summary>One campaign of <paramref name="trials"/> trials (90% Complete, 5% Pruned, 5% Fail), 3 parameters, curves of 10 steps in 3 folds.</summary>
    public static long Large(string path, int trials)
    {
        using var storage = new SqliteStudyStorage(path);
        StudyRecord study = storage.CreateStudy("large", [StudyDirection.Minimize]);
        for (int n = 0; n < trials; n++)
        {
            TrialState state = (n % 20) switch { 0 => TrialState.Pruned, 1 => TrialState.Fail, _ => TrialState.Complete };
            storage.CreateTrial(study.StudyId, Trial(n, state, Math.Abs(Math.Sin(n * 0.37)) + (0.1 * (n % 7)), folds: 3, steps: 10));
        }

        return study.StudyId;
    }

    /// <summary>A finished (or waiting/running) trial template with everything the trainer records.</summary>
    public static FrozenTrial Trial(int n, TrialState state, double value, int folds, int steps = 5)
    {
        var random = new Random(n);
        double lr = Math.Pow(10, -4 + (3 * random.NextDouble()));
        int layers = 1 + (n % 4);
        int optimizer = n % 3;
        var intermediate = new Dictionary<IntermediateKey, double>();
        if (state != TrialState.Waiting)
        {
            for (int fold = 0; fold < folds; fold++)
            {
                for (int step = 0; step < steps; step++)
                {
                    intermediate[new IntermediateKey(fold, step)] = value + (1.0 / (step + 1)) + (0.01 * fold);
                }
            }
        }

        var user = new Dictionary<string, JsonElement>
        {
            ["worker"] = Json($"\"w{n % 3}\""),
        };
        var system = new Dictionary<string, JsonElement>();
        if (state == TrialState.Complete)
        {
            user["metrics"] = Json(FormattableString.Invariant($$"""{"accuracy": {{0.5 + (n * 0.01)}}, "loss": {{value}}}"""));
            user["metrics_std"] = Json("""{"accuracy": 0.02, "loss": 0.01}""");
            user["class_names"] = Json("""["cat", "dog <b>"]""");
            user["fold_metrics"] = Json(FormattableString.Invariant($$"""
                [{"fold": 0, "epochs": 5, "metrics": {"accuracy": 0.8, "loss": {{value}}}, "confusion": [[{{40 + n}}, 2], [3, 45]]},
                 {"fold": 1, "epochs": 4, "metrics": {"accuracy": 0.7, "loss": {{value + 0.1}}}, "confusion": [[38, 4], [5, 43]]}]
                """));
            user["test_metrics"] = Json("""{"accuracy": 0.75}""");
        }

        if (state == TrialState.Fail)
        {
            system["fail_reason"] = Json("\"NaN loss at epoch 3 <script>window.__xss = 3</script>\"");
        }

        if (state == TrialState.Running)
        {
            user["worker"] = Json("\"w1\"");
        }

        DateTimeOffset start = Epoch.AddMinutes(n);
        return new FrozenTrial
        {
            State = state,
            Values = state == TrialState.Complete ? [value] : null,
            InternalParams = new Dictionary<string, double> { ["lr"] = lr, ["layers"] = layers, ["optimizer"] = optimizer },
            Distributions = new Dictionary<string, Distribution> { ["lr"] = Lr, ["layers"] = Layers, ["optimizer"] = Optimizer },
            IntermediateValues = intermediate,
            UserAttributes = user,
            SystemAttributes = system,
            StartedAt = state == TrialState.Waiting ? null : start,
            FinishedAt = state is TrialState.Waiting or TrialState.Running ? null : start.AddSeconds(30 + n),
        };
    }

    private static JsonElement Json(string text)
    {
        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
