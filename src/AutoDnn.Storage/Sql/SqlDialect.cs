using System.Data.Common;

namespace AutoDnn.Storage.Sql;

/// <summary>What differs between the SQL backends: connections, transactions, row locks, transient errors and DDL.</summary>
internal abstract class SqlDialect : IDisposable
{
    /// <summary>Where the data lives, for messages (a path or a URL without its password).</summary>
    public abstract string Location { get; }

    /// <summary>Appended to a SELECT that must lock the rows it reads until commit ("" where the whole database is locked).</summary>
    public abstract string ForUpdate { get; }

    /// <summary>Appended to a SELECT that claims rows no other transaction holds.</summary>
    public abstract string ForUpdateSkipLocked { get; }

    public abstract DbConnection Open();

    /// <summary>A transaction that may write; on SQLite it takes the write lock at once (BEGIN IMMEDIATE).</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A read-only transaction that sees one consistent snapshot over several queries.</summary>
    public abstract DbTransaction BeginRead(DbConnection connection);

    /// <summary>Serializes schema migrations across processes (within the given write transaction).</summary>
    public abstract void LockSchema(DbConnection connection, DbTransaction transaction);

    /// <summary>The statements that take the schema from version - 1 to version.</summary>
    public abstract IReadOnlyList<string> Migration(int version);

    /// <summary>True for errors that a retry of the whole transaction can cure (busy/locked database, serialization failure).</summary>
    public abstract bool IsTransient(Exception exception);

    /// <summary>Releases pooled connections.</summary>
    public abstract void Dispose();
}
