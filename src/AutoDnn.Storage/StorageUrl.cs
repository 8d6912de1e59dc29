using AutoDnn.Storage.Postgres;
using AutoDnn.Storage.Sql;
using AutoDnn.Storage.Sqlite;
using Npgsql;

namespace AutoDnn.Storage;

/// <summary>A parsed storage URL: <c>sqlite:///path/to.db</c> (the default, <c>./autodnn.db</c>) or <c>postgresql://user:pw@host:port/db</c>.</summary>
/// <remarks>
/// As in SQLAlchemy and Optuna, what follows <c>sqlite:///</c> is the path as written: <c>sqlite:///runs/a.db</c> is relative
/// to the working folder and <c>sqlite:////tmp/a.db</c> is absolute. PostgreSQL query parameters (e.g. <c>?sslmode=require</c>)
/// are passed on as Npgsql connection-string keywords.
/// </remarks>
public sealed record StorageUrl
{
    /// <summary>The URL used when none is given: a SQLite file in the working folder.</summary>
    public const string Default = "sqlite:///autodnn.db";

    private StorageUrl(StorageKind kind, string display, string target)
    {
        Kind = kind;
        Display = display;
        Target = target;
    }

    public StorageKind Kind { get; }

    /// <summary>The URL without its password, for messages and logs.</summary>
    public string Display { get; }

    /// <summary>The SQLite file path, or the Npgsql connection string.</summary>
    internal string Target { get; }

    /// <summary>The SQLite database file (as written, relative to the working folder), or null for PostgreSQL.</summary>
    public string? SqliteFile => Kind == StorageKind.Sqlite ? Target : null;

    /// <summary>Parses a URL (null or empty means <see cref="Default"/>); throws FormatException saying what is wrong.</summary>
    public static StorageUrl Parse(string? url)
    {
        url = string.IsNullOrWhiteSpace(url) ? Default : url.Trim();
        const string Usage = "use sqlite:///path/to.db or postgresql://user:password@host:port/database";
        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            throw new FormatException($"Storage URL '{url}' has no scheme; {Usage}.");
        }

        string scheme = url[..schemeEnd].ToLowerInvariant();
        return scheme switch
        {
            "sqlite" => ParseSqlite(url, Usage),
            "postgresql" or "postgres" => ParsePostgres(url, Usage),
            _ => throw new FormatException($"Storage URL '{Redact(url)}' has the unknown scheme '{scheme}'; {Usage}."),
        };
    }

    /// <summary>Opens the storage this URL names (creating or migrating its schema).</summary>
    public SqlStudyStorage Open() => Kind == StorageKind.Sqlite ? new SqliteStudyStorage(Target) : new PostgresStudyStorage(Target);

    /// <inheritdoc />
    public override string ToString() => Display;

    private static StorageUrl ParseSqlite(string url, string usage)
    {
        const string Prefix = "sqlite:///";
        if (!url.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || url.Length == Prefix.Length)
        {
            throw new FormatException($"Storage URL '{url}' names no file: SQLite URLs have three slashes and a path; {usage}.");
        }

        string path = Uri.UnescapeDataString(url[Prefix.Length..]);
        return new StorageUrl(StorageKind.Sqlite, url, path);
    }

    private static StorageUrl ParsePostgres(string url, string usage)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"Storage URL '{Redact(url)}' is not a valid PostgreSQL URL; {usage}.");
        }

        string database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/'))
        {
            throw new FormatException($"Storage URL '{Redact(url)}' names no database after the host; {usage}.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
        };
        string[] userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            try
            {
                builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"Storage URL '{Redact(url)}': query parameter '{kv[0]}' is not a PostgreSQL connection option ({e.Message}).", e);
            }
        }

        return new StorageUrl(StorageKind.Postgres, Redact(url), builder.ConnectionString);
    }

    private static string Redact(string url)
    {
        int at = url.LastIndexOf('@');
        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || schemeEnd < 0)
        {
            return url;
        }

        int colon = url.IndexOf(':', schemeEnd + 3);
        return colon > 0 && colon < at ? string.Concat(url.AsSpan(0, colon), ":***", url.AsSpan(at)) : url;
    }
}
