using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Tests.Storage;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Postgres;
using Npgsql;

namespace AutoDnn.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStudyStorageTests(PostgresServer server) : StudyStorageConformanceTests
{
    [Fact]
    public void Waiting_trials_are_claimed_once_each_by_concurrent_workers()
    {
        using var storage = new PostgresStudyStorage(PostgresServer.ConnectionString(server.CreateDatabase()));
        long study = storage.CreateStudy("s", [StudyDirection.Minimize]).StudyId;
        for (int i = 0; i < 40; i++)
        {
            storage.CreateTrial(study, new FrozenTrial { State = TrialState.Waiting });
        }

        var claimed = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            while (storage.ClaimWaitingTrial(study) is { } trial)
            {
                claimed.Add(trial.Number);
            }
        });

        Assert.Equal(Enumerable.Range(0, 40), claimed.Order());
        Assert.All(storage.GetAllTrials(study), t => Assert.Equal(TrialState.Running, t.State));
    }

    [Fact]
    public void A_database_from_a_newer_program_is_refused_naming_both_versions()
    {
        string url = server.CreateDatabase();
        new PostgresStudyStorage(PostgresServer.ConnectionString(url)).Dispose();
        using (var connection = new NpgsqlConnection(PostgresServer.ConnectionString(url)))
        {
            connection.Open();
            using var command = new NpgsqlCommand("UPDATE autodnn_schema SET version = 7", connection);
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<SchemaVersionException>(() => new PostgresStudyStorage(PostgresServer.ConnectionString(url)));
        Assert.Contains("schema version 7", error.Message);
        Assert.Contains("up to 2", error.Message);
        Assert.Contains($"127.0.0.1:{server.Port}", error.Message);
    }

    [Fact]
    public void An_unreachable_server_is_named_in_the_error()
    {
        var error = Assert.Throws<IOException>(() => StorageUrl.Parse("postgresql://nobody:secret@127.0.0.1:1/none").Open());
        Assert.Contains("postgresql://nobody@127.0.0.1:1/none", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    protected override IStudyStorage CreateStorage() => new PostgresStudyStorage(PostgresServer.ConnectionString(server.CreateDatabase()));
}
