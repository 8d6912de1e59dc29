using AutoDnn.Storage.Tests.Sql;

namespace AutoDnn.Storage.Tests.Sqlite;

public sealed class SqliteWorkerProcessTests : WorkerProcessTests, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    protected override string CreateUrl() => $"sqlite:///{_folder.File($"{Guid.NewGuid():N}.db")}";
}
