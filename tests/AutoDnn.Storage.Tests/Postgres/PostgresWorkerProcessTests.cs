using AutoDnn.Storage.Tests.Sql;

namespace AutoDnn.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkerProcessTests(PostgresServer server) : WorkerProcessTests
{
    protected override string CreateUrl() => server.CreateDatabase();
}
