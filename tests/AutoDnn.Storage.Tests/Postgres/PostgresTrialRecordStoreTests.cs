using AutoDnn.Storage.Postgres;
using AutoDnn.Storage.Sql;
using AutoDnn.Storage.Tests.Sql;

namespace AutoDnn.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresTrialRecordStoreTests(PostgresServer server) : TrialRecordStoreTests
{
    protected override SqlStudyStorage CreateStorage() => new PostgresStudyStorage(PostgresServer.ConnectionString(server.CreateDatabase()));
}
