using Npgsql;

namespace AutoDnn.Storage.Tests;

public sealed class StorageUrlTests
{
    [Theory]
    [InlineData(null, "autodnn.db")]
    [InlineData("", "autodnn.db")]
    [InlineData("sqlite:///runs/a.db", "runs/a.db")]
    [InlineData("sqlite:////tmp/my%20runs/a.db", "/tmp/my runs/a.db")]
    public void Sqlite_urls_name_a_path_as_written(string? url, string path)
    {
        StorageUrl parsed = StorageUrl.Parse(url);
        Assert.Equal(StorageKind.Sqlite, parsed.Kind);
        Assert.Equal(path, parsed.Target);
    }

    [Fact]
    public void Postgres_urls_become_connection_strings_and_hide_the_password()
    {
        StorageUrl parsed = StorageUrl.Parse("postgresql://ann:p%40ss@db.example:6543/hpo?Timeout=7");
        var builder = new NpgsqlConnectionStringBuilder(parsed.Target);

        Assert.Equal(StorageKind.Postgres, parsed.Kind);
        Assert.Equal(("ann", "p@ss", "db.example", 6543, "hpo", 7), (builder.Username, builder.Password, builder.Host, builder.Port, builder.Database, builder.Timeout));
        Assert.Equal("postgresql://ann:***@db.example:6543/hpo?Timeout=7", parsed.Display);
        Assert.Equal(5432, new NpgsqlConnectionStringBuilder(StorageUrl.Parse("postgres://h/db").Target).Port);
    }

    [Theory]
    [InlineData("autodnn.db", "no scheme")]
    [InlineData("mysql://u:secret@h/db", "unknown scheme 'mysql'")]
    [InlineData("sqlite://a.db", "three slashes")]
    [InlineData("sqlite:///", "three slashes")]
    [InlineData("postgresql://u:secret@host:5432/", "names no database")]
    [InlineData("postgresql://u:secret@host/db?bogus=1", "'bogus' is not a PostgreSQL connection option")]
    public void Bad_urls_say_what_is_wrong_without_leaking_the_password(string url, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StorageUrl.Parse(url));
        Assert.Contains(expected, error.Message);
        Assert.Contains("sqlite:///path/to.db", error.Message.Contains("bogus", StringComparison.Ordinal) ? "sqlite:///path/to.db" : error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }
}
