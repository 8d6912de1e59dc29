namespace AutoDnn.Storage.Sql;

/// <summary>The versioned schema: migration N takes a database from version N - 1 to N; both backends share the text.</summary>
/// <remarks>
/// Times are UTC microseconds since the Unix epoch (BIGINT); attribute values are JSON text; distributions are the
/// JSON of <c>Distribution.ToJson()</c>. Never edit a released migration: append a new one and raise <see cref="Current"/>.
/// </remarks>
internal static class SchemaScripts
{
    /// <summary>The schema version this program writes.</summary>
    public const int Current = 2;

    /// <summary>The statements of one migration, with the backend's column types filled in.</summary>
    public static IReadOnlyList<string> Render(int version, string identity, string integer, string real) => version switch
    {
        1 =>
        [
            $"""
            CREATE TABLE studies (
                study_id {identity},
                name TEXT NOT NULL UNIQUE,
                directions TEXT NOT NULL,
                next_number {integer} NOT NULL DEFAULT 0,
                created_at {integer} NOT NULL)
            """,
            $"""
            CREATE TABLE study_attributes (
                study_id {integer} NOT NULL REFERENCES studies (study_id),
                scope {integer} NOT NULL,
                key TEXT NOT NULL,
                value_json TEXT NOT NULL,
                PRIMARY KEY (study_id, scope, key))
            """,
            $"""
            CREATE TABLE study_params (
                study_id {integer} NOT NULL REFERENCES studies (study_id),
                name TEXT NOT NULL,
                distribution_json TEXT NOT NULL,
                PRIMARY KEY (study_id, name))
            """,
            $"""
            CREATE TABLE trials (
                trial_id {identity},
                study_id {integer} NOT NULL REFERENCES studies (study_id),
                number {integer} NOT NULL,
                state TEXT NOT NULL,
                values_json TEXT,
                constraints_json TEXT,
                started_at {integer},
                finished_at {integer},
                UNIQUE (study_id, number))
            """,
            $"""
            CREATE TABLE trial_params (
                trial_id {integer} NOT NULL REFERENCES trials (trial_id),
                name TEXT NOT NULL,
                internal_value {real} NOT NULL,
                distribution_json TEXT NOT NULL,
                PRIMARY KEY (trial_id, name))
            """,
            $"""
            CREATE TABLE trial_intermediate (
                trial_id {integer} NOT NULL REFERENCES trials (trial_id),
                fold {integer} NOT NULL,
                step {integer} NOT NULL,
                value {real},
                PRIMARY KEY (trial_id, fold, step))
            """,
            $"""
            CREATE TABLE trial_attributes (
                trial_id {integer} NOT NULL REFERENCES trials (trial_id),
                scope {integer} NOT NULL,
                key TEXT NOT NULL,
                value_json TEXT NOT NULL,
                PRIMARY KEY (trial_id, scope, key))
            """,
        ],
        2 =>
        [
            $"ALTER TABLE trials ADD COLUMN heartbeat_at {integer}",
            "CREATE INDEX trials_by_state ON trials (study_id, state, number)",
            $"""
            CREATE TABLE trial_provenance (
                trial_id {integer} PRIMARY KEY REFERENCES trials (trial_id),
                seed {integer},
                plugin_name TEXT,
                plugin_version TEXT,
                plugin_sha256 TEXT,
                libtorch_version TEXT,
                device TEXT,
                host TEXT,
                program_version TEXT)
            """,
            $"""
            CREATE TABLE trial_artifacts (
                trial_id {integer} NOT NULL REFERENCES trials (trial_id),
                name TEXT NOT NULL,
                path TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size_bytes {integer} NOT NULL,
                recorded_at {integer} NOT NULL,
                PRIMARY KEY (trial_id, name))
            """,
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, $"Schema versions are 1..{Current}."),
    };
}
