using System.Data.Common;

namespace AutoDnn.Storage.Sql;

/// <summary>Brings a database to a schema version in one locked transaction, and refuses databases newer than the program.</summary>
internal static class SchemaMigrator
{
    /// <summary>Creates or upgrades the schema up to <paramref name="target"/>; returns the version found before.</summary>
    public static int Migrate(SqlDialect dialect, int target)
    {
        using DbConnection connection = dialect.Open();
        using DbTransaction transaction = dialect.BeginWrite(connection);
        dialect.LockSchema(connection, transaction);
        Db.Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS autodnn_schema (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL,
                program_version TEXT NOT NULL)
            """);
        int found = (int)(Db.ScalarLong(connection, transaction, "SELECT version FROM autodnn_schema WHERE id = 1") ?? 0);
        if (found > SchemaScripts.Current)
        {
            throw new SchemaVersionException(dialect.Location, found, SchemaScripts.Current);
        }

        for (int version = found + 1; version <= target; version++)
        {
            foreach (string statement in dialect.Migration(version))
            {
                Db.Execute(connection, transaction, statement);
            }
        }

        if (target > found)
        {
            Db.Execute(
                connection,
                transaction,
                found == 0
                    ? "INSERT INTO autodnn_schema (id, version, program_version) VALUES (1, @v, @p)"
                    : "UPDATE autodnn_schema SET version = @v, program_version = @p WHERE id = 1",
                ("@v", target),
                ("@p", SchemaVersionException.ProgramVersion));
        }

        transaction.Commit();
        return found;
    }
}
