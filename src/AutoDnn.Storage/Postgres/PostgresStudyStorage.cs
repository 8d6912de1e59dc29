using AutoDnn.Storage.Sql;

namespace AutoDnn.Storage.Postgres;

/// <summary>Trial storage in a PostgreSQL database, shared by any number of workers on any number of machines.</summary>
public sealed class PostgresStudyStorage : SqlStudyStorage
{
    /// <summary>Connects (an Npgsql connection string) and brings the schema up to date.</summary>
    /// <exception cref="SchemaVersionException">The database was written by a newer AutoDnn.</exception>
    public PostgresStudyStorage(string connectionString, TimeProvider? timeProvider = null)
        : base(new PostgresDialect(connectionString), timeProvider)
    {
    }
}
