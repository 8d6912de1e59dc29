using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Tests.Storage;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace AutoDnn.Storage.Tests.Sqlite;

public sealed class SqliteStudyStorageTests : StudyStorageConformanceTests, IDisposable
{
    private readonly TempFolder _folder = new();
    private int _files;

    [Fact]
    public void The_file_is_in_wal_mode_and_survives_reopening()
    {
        string path = _folder.File("reopen.db");
        long trialId;
        using (var storage = new SqliteStudyStorage(path))
        {
            long study = storage.CreateStudy("s", [StudyDirection.Minimize]).StudyId;
            trialId = storage.CreateTrial(study).TrialId;
            storage.ReportIntermediate(trialId, 2, 5, double.NaN);
            storage.TrySetTrialState(trialId, TrialState.Running, TrialState.Complete, [double.PositiveInfinity]);
        }

        using var reopened = new SqliteStudyStorage(path);
        FrozenTrial trial = reopened.GetTrial(trialId);
        Assert.Equal(double.PositiveInfinity, trial.Value);
        Assert.True(double.IsNaN(trial.IntermediateValues[new IntermediateKey(2, 5)]));
        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public void A_database_from_a_newer_program_is_refused_naming_both_versions()
    {
        string path = _folder.File("newer.db");
        new SqliteStudyStorage(path).Dispose();
        Scalar(path, "UPDATE autodnn_schema SET version = 99");

        var error = Assert.Throws<SchemaVersionException>(() => new SqliteStudyStorage(path));
        Assert.Contains("schema version 99", error.Message);
        Assert.Contains("up to 2", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Equal(99L, Scalar(path, "SELECT version FROM autodnn_schema"));
    }

    [Fact]
    public void An_older_schema_is_migrated_and_keeps_its_trials()
    {
        string path = _folder.File("old.db");
        long trialId;
        using (SqliteStudyStorage old = SqliteStudyStorage.OpenAtSchemaVersion(path, 1))
        {
            trialId = old.CreateTrial(old.CreateStudy("s", [StudyDirection.Maximize]).StudyId).TrialId;
        }

        Assert.Equal(1L, Scalar(path, "SELECT version FROM autodnn_schema"));
        using var storage = new SqliteStudyStorage(path);
        Assert.Equal(2L, Scalar(path, "SELECT version FROM autodnn_schema"));
        Assert.Equal(TrialState.Running, storage.GetTrial(trialId).State);
        Assert.True(storage.RecordHeartbeat(trialId));
        storage.SetProvenance(trialId, new TrialProvenance { Seed = 3 });
        Assert.Equal(3, storage.GetProvenance(trialId)!.Seed);
    }

    [Fact]
    public void A_missing_folder_is_named_in_the_error()
    {
        string path = _folder.File("no/such/folder/x.db");
        var error = Assert.Throws<DirectoryNotFoundException>(() => new SqliteStudyStorage(path));
        Assert.Contains(_folder.File("no/such/folder"), error.Message);
    }

    [Fact]
    public void A_study_is_deleted_with_everything_of_its_trials()
    {
        using var storage = new SqliteStudyStorage(_folder.File("delete.db"));
        long gone = storage.CreateStudy("gone", [StudyDirection.Minimize]).StudyId;
        long kept = storage.CreateStudy("kept", [StudyDirection.Minimize]).StudyId;
        long trial = storage.CreateTrial(gone).TrialId;
        storage.SetTrialParam(trial, "x", 1, new AutoDnn.Abstractions.Search.FloatDistribution(0, 2));
        storage.CreateTrial(kept);

        Assert.True(storage.DeleteStudy("gone"));
        Assert.False(storage.DeleteStudy("gone"));
        Assert.Null(storage.FindStudy("gone"));
        Assert.Throws<KeyNotFoundException>(() => storage.GetTrial(trial));
        Assert.Single(storage.GetAllTrials(kept));
        Assert.Equal(0L, Scalar(storage.Path, "SELECT COUNT(*) FROM trial_params"));
    }

    public void Dispose() => _folder.Dispose();

    protected override IStudyStorage CreateStorage() => new SqliteStudyStorage(_folder.File($"conformance-{_files++}.db"));

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
