using System.Text.Json;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sqlite;

namespace AutoDnn.Storage.Tests.Cli;

/// <summary>Drives a whole small study from the shell: the real autodnn command, one process per ask and tell.</summary>
public sealed class CliAskTellTests : IDisposable
{
    private const string Space = """{"x": {"type": "float", "low": -4, "high": 4}, "k": {"type": "int", "low": 0, "high": 3}}""";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Ask_and_tell_from_the_shell_drive_a_full_study_that_exports_to_optuna()
    {
        string url = $"sqlite:///{_folder.File("cli.db")}";
        Assert.Contains("created study 'quad'", Autodnn(0, "study", "create", "--storage", url, "--study", "quad"));
        for (int i = 0; i < 6; i++)
        {
            using JsonDocument asked = JsonDocument.Parse(Autodnn(0, "ask", "--storage", url, "--study", "quad", "--space", Space, "--seed", "5"));
            int number = asked.RootElement.GetProperty("trial").GetInt32();
            Assert.Equal(i, number);
            double x = asked.RootElement.GetProperty("params").GetProperty("x").GetDouble();
            int k = asked.RootElement.GetProperty("params").GetProperty("k").GetInt32();
            string[] tell = i == 5
                ? ["tell", "--storage", url, "--study", "quad", "--trial", "5", "--state", "pruned"]
                : ["tell", "--storage", url, "--study", "quad", "--trial", $"{number}", "--value", $"{(x * x) + k:R}"];
            Autodnn(0, tell);
        }

        Assert.Contains("only a Running trial can be told", Autodnn(1, "tell", "--storage", url, "--study", "quad", "--trial", "0", "--value", "1"));
        Assert.Contains("has no trial 9", Autodnn(1, "tell", "--storage", url, "--study", "quad", "--trial", "9", "--value", "1"));
        Assert.Contains("--space parameter 'x'", Autodnn(1, "ask", "--storage", url, "--study", "quad", "--space", """{"x": {"type": "float", "low": 2, "high": 1}}"""));

        using (var storage = new SqliteStudyStorage(_folder.File("cli.db")))
        {
            IReadOnlyList<FrozenTrial> trials = storage.GetAllTrials(storage.FindStudy("quad")!.StudyId);
            Assert.Equal(
                [TrialState.Complete, TrialState.Complete, TrialState.Complete, TrialState.Complete, TrialState.Complete, TrialState.Pruned],
                trials.Select(t => t.State));
            Assert.All(trials.Take(5), t => Assert.Equal(Math.Pow((double)t.Params["x"]!, 2) + (int)t.Params["k"]!, t.Value!.Value, 12));
        }

        using JsonDocument listed = JsonDocument.Parse(Autodnn(0, "trials", "--storage", url, "--study", "quad", "--format", "json"));
        Assert.Equal(6, listed.RootElement.GetProperty("trials").GetArrayLength());
        Assert.StartsWith("number,state,value,", Autodnn(0, "trials", "--storage", url, "--study", "quad", "--format", "csv"));
        Assert.Contains("complete", Autodnn(0, "study", "list", "--storage", url));

        string optuna = _folder.File("quad-optuna.db");
        Autodnn(0, "export", "--storage", url, "--study", "quad", "--optuna", optuna);
        Assert.True(File.Exists(optuna));
        Assert.Contains("deleted study 'quad'", Autodnn(0, "study", "delete", "--storage", url, "--study", "quad"));
        Assert.Contains("No study named 'quad'", Autodnn(1, "trials", "--storage", url, "--study", "quad"));
    }

    private string Autodnn(int expectedExit, params string[] args)
    {
        ChildProcess child = ChildProcess.Run("autodnn.dll", args, _folder.Path);
        using (child)
        {
            Assert.True(child.ExitCode == expectedExit, $"autodnn {string.Join(' ', args)} exited {child.ExitCode}: {child.Stdout}{child.Stderr}");
            return expectedExit == 0 ? child.Stdout : child.Stderr;
        }
    }
}
