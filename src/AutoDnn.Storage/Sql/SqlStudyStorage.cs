using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;

namespace AutoDnn.Storage.Sql;

/// <summary>The <see cref="IStudyStorage"/> and <see cref="ITrialRecordStore"/> shared by the SQL backends (SQLite, PostgreSQL).</summary>
/// <remarks>
/// Every public operation is one transaction on a fresh (pooled) connection, retried whole with jittered back-off when
/// the backend reports a busy database or a serialization failure; other errors surface at once and change nothing.
/// </remarks>
public abstract partial class SqlStudyStorage : IStudyStorage, ITrialRecordStore, IDisposable
{
    private static readonly JsonSerializerOptions NumberListOptions = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly SqlDialect _dialect;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _time;

    private protected SqlStudyStorage(SqlDialect dialect, TimeProvider? timeProvider, int schemaVersion = SchemaScripts.Current)
    {
        _dialect = dialect;
        _time = timeProvider ?? TimeProvider.System;
        _retry = new RetryPolicy(dialect.IsTransient, maxAttempts: 60, maxDelay: TimeSpan.FromMilliseconds(250));
        _retry.Run(() => SchemaMigrator.Migrate(dialect, schemaVersion), "Opening the trial database", dialect.Location);
    }

    /// <summary>Where the data lives (a file path, or a PostgreSQL URL without its password).</summary>
    public string Location => _dialect.Location;

    /// <inheritdoc />
    public StudyRecord CreateStudy(string name, IReadOnlyList<StudyDirection> directions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(directions);
        if (directions.Count == 0)
        {
            throw new ArgumentException("A study needs at least one direction.", nameof(directions));
        }

        return Write("Creating a study", (c, t) =>
        {
            long? id = Db.ScalarLong(
                c,
                t,
                "INSERT INTO studies (name, directions, created_at) VALUES (@n, @d, @at) ON CONFLICT (name) DO NOTHING RETURNING study_id",
                ("@n", name),
                ("@d", string.Join(',', directions)),
                ("@at", Now()));
            return id is { } studyId
                ? new StudyRecord { StudyId = studyId, Name = name, Directions = directions }
                : throw new DuplicateStudyException($"A study named '{name}' already exists in {Location}.");
        });
    }

    /// <inheritdoc />
    public StudyRecord? FindStudy(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Read("Finding a study", (c, t) => LoadStudies(c, t, "name = @k", name).FirstOrDefault());
    }

    /// <inheritdoc />
    public StudyRecord GetStudy(long studyId) =>
        Read("Reading a study", (c, t) => LoadStudies(c, t, "study_id = @k", studyId).FirstOrDefault())
        ?? throw new KeyNotFoundException($"No study with id {studyId} in {Location}.");

    /// <inheritdoc />
    public IReadOnlyList<StudyRecord> GetAllStudies() => Read("Listing studies", (c, t) => LoadStudies(c, t, "1 = 1", 0));

    /// <inheritdoc />
    public void SetStudyAttribute(long studyId, AttributeScope scope, string key, JsonElement value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        string json = value.GetRawText();
        Write("Setting a study attribute", (c, t) =>
        {
            RequireStudy(c, t, studyId);
            return Db.Execute(
                c,
                t,
                """
                INSERT INTO study_attributes (study_id, scope, key, value_json) VALUES (@s, @scope, @k, @v)
                ON CONFLICT (study_id, scope, key) DO UPDATE SET value_json = excluded.value_json
                """,
                ("@s", studyId),
                ("@scope", (int)scope),
                ("@k", key),
                ("@v", json));
        });
    }

    /// <summary>Deletes a study and everything recorded for its trials; false when there is no study of that name.</summary>
    public bool DeleteStudy(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Write("Deleting a study", (c, t) =>
        {
            if (Db.ScalarLong(c, t, "SELECT study_id FROM studies WHERE name = @n" + _dialect.ForUpdate, ("@n", name)) is not { } id)
            {
                return false;
            }

            const string OfStudy = "trial_id IN (SELECT trial_id FROM trials WHERE study_id = @s)";
            foreach (string table in new[] { "trial_params", "trial_intermediate", "trial_attributes", "trial_provenance", "trial_artifacts" })
            {
                Db.Execute(c, t, $"DELETE FROM {table} WHERE {OfStudy}", ("@s", id));
            }

            foreach (string table in new[] { "trials", "study_params", "study_attributes", "studies" })
            {
                Db.Execute(c, t, $"DELETE FROM {table} WHERE study_id = @s", ("@s", id));
            }

            return true;
        });
    }

    /// <summary>Closes pooled connections; the storage must not be used afterwards.</summary>
    public void Dispose() => _dialect.Dispose();

    internal static long ToMicros(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;

    internal static DateTimeOffset FromMicros(long micros) => new(DateTime.UnixEpoch.Ticks + (micros * 10), TimeSpan.Zero);

    private protected static string? ToJson(IReadOnlyList<double>? numbers) =>
        numbers is null ? null : JsonSerializer.Serialize(numbers, NumberListOptions);

    private protected static IReadOnlyList<double>? NumbersFromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<double[]>(json, NumberListOptions);

    private protected long Now() => ToMicros(_time.GetUtcNow());

    private protected T Write<T>(string what, Func<DbConnection, DbTransaction, T> operation) => _retry.Run(
        () =>
        {
            using DbConnection connection = _dialect.Open();
            using DbTransaction transaction = _dialect.BeginWrite(connection);
            T result = operation(connection, transaction);
            transaction.Commit();
            return result;
        },
        what,
        Location);

    private protected T Read<T>(string what, Func<DbConnection, DbTransaction, T> operation) => _retry.Run(
        () =>
        {
            using DbConnection connection = _dialect.Open();
            using DbTransaction transaction = _dialect.BeginRead(connection);
            T result = operation(connection, transaction);
            transaction.Commit();
            return result;
        },
        what,
        Location);

    private void RequireStudy(DbConnection c, DbTransaction t, long studyId)
    {
        if (Db.ScalarLong(c, t, "SELECT study_id FROM studies WHERE study_id = @s", ("@s", studyId)) is null)
        {
            throw new KeyNotFoundException($"No study with id {studyId} in {Location}.");
        }
    }

    private static List<StudyRecord> LoadStudies(DbConnection c, DbTransaction t, string where, object key)
    {
        var studies = new List<StudyRecord>();
        using (DbCommand command = Db.Command(c, t, $"SELECT study_id, name, directions FROM studies WHERE {where} ORDER BY study_id", ("@k", key)))
        using (DbDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                studies.Add(new StudyRecord
                {
                    StudyId = reader.GetLong("study_id"),
                    Name = (string)reader["name"],
                    Directions = ((string)reader["directions"]).Split(',').Select(Enum.Parse<StudyDirection>).ToImmutableArray(),
                });
            }
        }

        for (int i = 0; i < studies.Count; i++)
        {
            var user = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var system = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            using DbCommand command = Db.Command(c, t, "SELECT scope, key, value_json FROM study_attributes WHERE study_id = @s", ("@s", studies[i].StudyId));
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                var target = reader.GetLong("scope") == (int)AttributeScope.User ? user : system;
                target[(string)reader["key"]] = ParseJson((string)reader["value_json"]);
            }

            studies[i] = studies[i] with { UserAttributes = user, SystemAttributes = system };
        }

        return studies;
    }

    private protected static JsonElement ParseJson(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private protected static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
