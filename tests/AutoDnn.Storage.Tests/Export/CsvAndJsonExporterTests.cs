using System.Text;
using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Export;
using AutoDnn.Storage.Sqlite;

namespace AutoDnn.Storage.Tests.Export;

public sealed class CsvAndJsonExporterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Csv_has_one_row_per_trial_with_params_quoted_where_needed()
    {
        var storage = new InMemoryStudyStorage();
        long study = storage.CreateStudy("s", [StudyDirection.Minimize, StudyDirection.Maximize]).StudyId;
        long first = storage.CreateTrial(study).TrialId;
        storage.SetTrialParam(first, "name", 1, new CategoricalDistribution(["plain", "with, comma \"quoted\""]));
        storage.TrySetTrialState(first, TrialState.Running, TrialState.Complete, [0.5, 2]);
        storage.CreateTrial(study);

        var text = new StringWriter();
        CsvExporter.Write(StudyExport.Load(storage, "s"), text);
        string[] lines = text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("number,state,values_0,values_1,datetime_start,datetime_complete,duration_s,params_name", lines[0]);
        Assert.StartsWith("0,Complete,0.5,2,", lines[1]);
        Assert.EndsWith(",\"with, comma \"\"quoted\"\"\"", lines[1]);
        Assert.Matches("^1,Running,,,[^,]+,,,$", lines[2]);
    }

    [Fact]
    public void Json_carries_folds_provenance_artifacts_and_non_finite_values()
    {
        using var storage = new SqliteStudyStorage(_folder.File("s.db"));
        long study = storage.CreateStudy("s", [StudyDirection.Minimize]).StudyId;
        long trial = storage.CreateTrial(study).TrialId;
        storage.SetTrialParam(trial, "lr", 0.01, new FloatDistribution(1e-4, 1, log: true));
        storage.ReportIntermediate(trial, fold: 2, step: 7, double.NaN);
        storage.SetProvenance(trial, new TrialProvenance { Seed = 9, Device = "cpu" });
        File.WriteAllText(_folder.File("w.pt"), "w");
        storage.AddArtifact(trial, "weights", _folder.File("w.pt"));
        storage.TrySetTrialState(trial, TrialState.Running, TrialState.Complete, [double.NegativeInfinity]);

        using var output = new MemoryStream();
        JsonExporter.Write(StudyExport.Load(storage, "s"), output, storage);
        using JsonDocument document = JsonDocument.Parse(Encoding.UTF8.GetString(output.ToArray()));
        JsonElement t = document.RootElement.GetProperty("trials")[0];

        Assert.Equal(["minimize"], document.RootElement.GetProperty("study").GetProperty("directions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("-Infinity", t.GetProperty("values")[0].GetString());
        Assert.Equal(0.01, t.GetProperty("params").GetProperty("lr").GetDouble());
        Assert.True(t.GetProperty("distributions").GetProperty("lr").GetProperty("log").GetBoolean());
        JsonElement point = t.GetProperty("intermediate_values")[0];
        Assert.Equal((2, 7, "NaN"), (point.GetProperty("fold").GetInt32(), point.GetProperty("step").GetInt32(), point.GetProperty("value").GetString()));
        Assert.Equal(9, t.GetProperty("provenance").GetProperty("seed").GetInt32());
        Assert.Equal(64, t.GetProperty("artifacts")[0].GetProperty("sha256").GetString()!.Length);
    }
}
