using System.Diagnostics;
using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Export;
using AutoDnn.Storage.Sqlite;

namespace AutoDnn.Storage.Tests.Export;

public sealed class OptunaExporterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Debians_python3_optuna_loads_the_export_with_the_same_trials()
    {
        using var storage = new SqliteStudyStorage(_folder.File("study.db"));
        BuildStudy(storage);
        string output = _folder.File("optuna.db");
        OptunaExporter.Export(StudyExport.Load(storage, "interop"), output);

        JsonElement seen = LoadWithOptuna(output, "interop");

        Assert.Equal("3.1.0", seen.GetProperty("optuna").GetString());
        Assert.Equal(["MINIMIZE"], seen.GetProperty("directions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(7, seen.GetProperty("user_attrs").GetProperty("budget").GetInt32());
        JsonElement[] trials = [.. seen.GetProperty("trials").EnumerateArray()];
        Assert.Equal(["COMPLETE", "PRUNED", "FAIL", "COMPLETE", "WAITING", "RUNNING"], trials.Select(t => t.GetProperty("state").GetString()));
        Assert.Equal([0, 1, 2, 3, 4, 5], trials.Select(t => t.GetProperty("number").GetInt32()));

        JsonElement first = trials[0];
        Assert.Equal(0.5, first.GetProperty("values")[0].GetDouble());
        JsonElement p = first.GetProperty("params");
        Assert.Equal((0.25, 3.5, 0.75, 4, 2.5), (p.GetProperty("a").GetDouble(), p.GetProperty("b").GetDouble(), p.GetProperty("d").GetDouble(), p.GetProperty("n").GetInt32(), p.GetProperty("c").GetDouble()));
        Assert.Equal("int", first.GetProperty("param_types").GetProperty("n").GetString());
        Assert.Equal("float", first.GetProperty("param_types").GetProperty("c").GetString());
        Assert.Equal(
            ["FloatDistribution", "FloatDistribution", "FloatDistribution", "IntDistribution", "CategoricalDistribution"],
            new[] { "a", "b", "d", "n", "c" }.Select(n => first.GetProperty("distributions").GetProperty(n)[0].GetString()));
        Assert.Equal(
            """{"name": "FloatDistribution", "attributes": {"step": null, "low": 1.0, "high": 10.0, "log": true}}""",
            first.GetProperty("distributions").GetProperty("b")[1].GetString());
        Assert.Equal(
            """{"name": "CategoricalDistribution", "attributes": {"choices": ["x", 1, null, 2.5, true]}}""",
            first.GetProperty("distributions").GetProperty("c")[1].GetString());
        JsonElement curve = first.GetProperty("intermediate_values");
        Assert.Equal(0.9, curve.GetProperty("0").GetDouble());
        Assert.Equal(0.8, curve.GetProperty("1").GetDouble());
        Assert.Equal(0.7, curve.GetProperty($"{OptunaExporter.FoldStride}").GetDouble());
        Assert.Equal("nan", curve.GetProperty($"{OptunaExporter.FoldStride + 1}").GetString());
        Assert.Equal("gpu-less", first.GetProperty("user_attrs").GetProperty("note").GetString());
        Assert.Equal([-1.0], first.GetProperty("system_attrs").GetProperty("constraints").EnumerateArray().Select(v => v.GetDouble()));

        Assert.Equal(0.6, trials[1].GetProperty("values")[0].GetDouble());
        Assert.Equal(JsonValueKind.Null, trials[2].GetProperty("values").ValueKind);
        Assert.Equal("inf", trials[3].GetProperty("values")[0].GetString());
        Assert.False(trials[4].GetProperty("has_start").GetBoolean());
        Assert.Equal(0.3, trials[4].GetProperty("system_attrs").GetProperty("fixed_params").GetProperty("a").GetDouble());
        Assert.True(trials[5].GetProperty("has_start").GetBoolean());
        Assert.False(trials[5].GetProperty("has_complete").GetBoolean());
    }

    [Fact]
    public void An_existing_file_is_not_overwritten()
    {
        var storage = new InMemoryStudyStorage();
        storage.CreateStudy("s", [StudyDirection.Minimize]);
        string output = _folder.File("taken.db");
        File.WriteAllText(output, "keep me");

        var error = Assert.Throws<IOException>(() => OptunaExporter.Export(StudyExport.Load(storage, "s"), output));
        Assert.Contains(output, error.Message);
        Assert.Equal("keep me", File.ReadAllText(output));
        Assert.Contains("No study named 'x'", Assert.Throws<KeyNotFoundException>(() => StudyExport.Load(storage, "x")).Message);
    }

    private static void BuildStudy(IStudyStorage storage)
    {
        var study = Study.Create(new StudyOptions { Name = "interop", Storage = storage });
        study.SetUserAttribute("budget", 7);
        Trial first = study.Ask();
        storage.SetTrialParam(first.TrialId, "a", 0.25, new FloatDistribution(0, 1));
        storage.SetTrialParam(first.TrialId, "b", 3.5, new FloatDistribution(1, 10, log: true));
        storage.SetTrialParam(first.TrialId, "d", 0.75, new FloatDistribution(0, 1, step: 0.25));
        storage.SetTrialParam(first.TrialId, "n", 4, new IntDistribution(1, 8));
        storage.SetTrialParam(first.TrialId, "c", 3, new CategoricalDistribution(["x", 1, null, 2.5, true]));
        first.SetUserAttribute("note", "gpu-less");
        first.Report(0.9, step: 0, fold: 0);
        first.Report(0.8, step: 1, fold: 0);
        first.Report(0.7, step: 0, fold: 1);
        first.Report(double.NaN, step: 1, fold: 1);
        storage.TrySetTrialState(first.TrialId, TrialState.Running, TrialState.Complete, [0.5], [-1.0]);

        Trial pruned = study.Ask();
        pruned.Report(0.6, step: 2);
        study.Tell(pruned, TrialState.Pruned);
        study.Tell(study.Ask(), TrialState.Fail);
        study.Tell(study.Ask(), double.PositiveInfinity);
        study.Enqueue(new Dictionary<string, object?> { ["a"] = 0.3 });
        storage.CreateTrial(study.Id);
    }

    private static JsonElement LoadWithOptuna(string database, string studyName)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "Export", "load_optuna_study.py"), database, studyName })
        {
            info.ArgumentList.Add(a);
        }

        using Process python = Process.Start(info)!;
        Task<string> stderr = python.StandardError.ReadToEndAsync();
        string stdout = python.StandardOutput.ReadToEnd();
        Assert.True(python.WaitForExit(120_000), "python3-optuna did not finish in 120 s");
        Assert.True(python.ExitCode == 0, $"python3-optuna failed: {stderr.Result}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }
}
