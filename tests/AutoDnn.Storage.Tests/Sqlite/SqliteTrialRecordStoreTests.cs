using AutoDnn.Storage.Sql;
using AutoDnn.Storage.Sqlite;
using AutoDnn.Storage.Tests.Sql;

namespace AutoDnn.Storage.Tests.Sqlite;

public sealed class SqliteTrialRecordStoreTests : TrialRecordStoreTests
{
    protected override SqlStudyStorage CreateStorage() => new SqliteStudyStorage(Folder.File($"{Guid.NewGuid():N}.db"));
}
