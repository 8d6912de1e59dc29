using AutoDnn.Storage.Sql;

namespace AutoDnn.Storage.Sqlite;

/// <summary>Trial storage in one SQLite file (the embedded default): safe for many processes on one machine.</summary>
public sealed class SqliteStudyStorage : SqlStudyStorage
{
    /// <summary>Opens (creating when missing) the database file and brings its schema up to date.</summary>
    /// <exception cref="SchemaVersionException">The file was written by a newer AutoDnn.</exception>
    public SqliteStudyStorage(string path, TimeProvider? timeProvider = null)
        : this(new SqliteDialect(path), timeProvider, SchemaScripts.Current)
    {
    }

    private SqliteStudyStorage(SqliteDialect dialect, TimeProvider? timeProvider, int schemaVersion)
        : base(dialect, timeProvider, schemaVersion)
    {
        Path = dialect.Path;
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>Opens a database migrated only up to an older schema version (tests of the migrations use it).</summary>
    internal static SqliteStudyStorage OpenAtSchemaVersion(string path, int schemaVersion) => new(new SqliteDialect(path), null, schemaVersion);
}
