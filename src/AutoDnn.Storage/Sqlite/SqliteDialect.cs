using System.Data;
using System.Data.Common;
using AutoDnn.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace AutoDnn.Storage.Sqlite;

/// <summary>SQLite: one file shared by any number of processes, in WAL mode, writers serialized by BEGIN IMMEDIATE.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const int BusyTimeoutMs = 5000;
    private readonly string _connectionString;
    private volatile bool _walChecked;

    public SqliteDialect(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = System.IO.Path.GetFullPath(path);
        string? folder = System.IO.Path.GetDirectoryName(fullPath);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot open the SQLite trial database '{fullPath}': the folder '{folder}' does not exist.");
        }

        Path = fullPath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public override string Location => $"sqlite:///{Path}";

    public override string ForUpdate => string.Empty;

    public override string ForUpdateSkipLocked => string.Empty;

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Pragma(connection, $"PRAGMA busy_timeout = {BusyTimeoutMs}");
            if (!_walChecked)
            {
                // WAL lets readers run beside the one writer; the mode is stored in the file, so once per process suffices.
                Pragma(connection, "PRAGMA journal_mode = WAL");
                _walChecked = true;
            }

            Pragma(connection, "PRAGMA synchronous = NORMAL");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override DbTransaction BeginRead(DbConnection connection) =>
        ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: true);

    public override void LockSchema(DbConnection connection, DbTransaction transaction)
    {
        // BEGIN IMMEDIATE already holds the database's only write lock.
    }

    public override IReadOnlyList<string> Migration(int version) =>
        SchemaScripts.Render(version, identity: "INTEGER PRIMARY KEY AUTOINCREMENT", integer: "INTEGER", real: "REAL");

    public override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 } // SQLITE_BUSY, SQLITE_LOCKED
        || (exception is SqliteException e && (e.SqliteExtendedErrorCode & 0xFF) is 5 or 6);

    public override void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
