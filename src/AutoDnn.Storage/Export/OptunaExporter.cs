using System.Globalization;
using System.Text.Json;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace AutoDnn.Storage.Export;

/// <summary>Writes a study into a new SQLite file in Optuna 3.1's RDB schema, so <c>optuna.load_study</c> opens it unchanged.</summary>
/// <remarks>
/// Optuna keys intermediate values by step alone, AutoDnn by (fold, step): the exported step is
/// <c>fold * <see cref="FoldStride"/> + step</c> (fold 0 keeps its steps as they are), and the study's system attribute
/// <c>autodnn_intermediate_step</c> says so. Times are UTC. Constraints go to the trial system attribute <c>constraints</c>,
/// as Optuna 3.1 keeps them.
/// </remarks>
public static class OptunaExporter
{
    /// <summary>Steps per fold in the exported step numbers: fold f, step s becomes f * 1,000,000 + s.</summary>
    public const int FoldStride = 1_000_000;

    /// <summary>Creates <paramref name="outputPath"/> (which must not exist yet) holding the one study.</summary>
    public static void Export(StudyExport export, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        string path = Path.GetFullPath(outputPath);
        if (File.Exists(path))
        {
            throw new IOException($"Cannot export study '{export.Study.Name}' to '{path}': the file exists already; choose a new file name.");
        }

        foreach (FrozenTrial trial in export.Trials)
        {
            if (trial.IntermediateValues.Keys.FirstOrDefault(k => k.Step >= FoldStride) is { Step: >= FoldStride } key)
            {
                throw new ArgumentException(
                    $"Trial {trial.Number} of study '{export.Study.Name}' reported step {key.Step} (fold {key.Fold}); "
                    + $"Optuna export maps folds to steps with a stride of {FoldStride}, so steps must stay below it.",
                    nameof(export));
            }
        }

        string connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using SqliteTransaction transaction = connection.BeginTransaction();
            foreach (string statement in OptunaSchema.Statements)
            {
                Db.Execute(connection, transaction, statement);
            }

            WriteStudy(connection, transaction, export);
            transaction.Commit();
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static void WriteStudy(SqliteConnection c, SqliteTransaction t, StudyExport export)
    {
        Db.Execute(c, t, "INSERT INTO version_info VALUES (1, @v, @lib)", ("@v", OptunaSchema.SchemaVersion), ("@lib", OptunaSchema.LibraryVersion));
        Db.Execute(c, t, "INSERT INTO alembic_version VALUES (@r)", ("@r", OptunaSchema.AlembicRevision));
        Db.Execute(c, t, "INSERT INTO studies (study_id, study_name) VALUES (1, @n)", ("@n", export.Study.Name));
        for (int i = 0; i < export.Study.Directions.Count; i++)
        {
            string direction = export.Study.Directions[i] == StudyDirection.Minimize ? "MINIMIZE" : "MAXIMIZE";
            Db.Execute(c, t, "INSERT INTO study_directions (direction, study_id, objective) VALUES (@d, 1, @o)", ("@d", direction), ("@o", i));
        }

        foreach ((string key, JsonElement value) in export.Study.UserAttributes)
        {
            Db.Execute(c, t, "INSERT INTO study_user_attributes (study_id, key, value_json) VALUES (1, @k, @v)", ("@k", key), ("@v", value.GetRawText()));
        }

        var studySystem = export.Study.SystemAttributes.ToDictionary(p => p.Key, p => p.Value.GetRawText());
        studySystem["autodnn_intermediate_step"] = JsonSerializer.Serialize($"fold * {FoldStride} + step");
        foreach ((string key, string json) in studySystem)
        {
            Db.Execute(c, t, "INSERT INTO study_system_attributes (study_id, key, value_json) VALUES (1, @k, @v)", ("@k", key), ("@v", json));
        }

        foreach (FrozenTrial trial in export.Trials)
        {
            WriteTrial(c, t, trial);
        }
    }

    private static void WriteTrial(SqliteConnection c, SqliteTransaction t, FrozenTrial trial)
    {
        long id = Db.ScalarLong(
            c,
            t,
            "INSERT INTO trials (number, study_id, state, datetime_start, datetime_complete) VALUES (@n, 1, @s, @start, @end) RETURNING trial_id",
            ("@n", trial.Number),
            ("@s", trial.State.ToString().ToUpperInvariant()),
            ("@start", Time(trial.StartedAt)),
            ("@end", Time(trial.FinishedAt)))!.Value;
        foreach ((string name, double value) in trial.InternalParams)
        {
            Db.Execute(
                c,
                t,
                "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) VALUES (@t, @n, @v, @d)",
                ("@t", id),
                ("@n", name),
                ("@v", value),
                ("@d", OptunaDistributionJson.Write(trial.Distributions[name])));
        }

        for (int i = 0; trial.Values is { } values && i < values.Count; i++)
        {
            (double? stored, string type) = Classify(values[i]);
            Db.Execute(
                c,
                t,
                "INSERT INTO trial_values (trial_id, objective, value, value_type) VALUES (@t, @o, @v, @type)",
                ("@t", id),
                ("@o", i),
                ("@v", stored),
                ("@type", type));
        }

        foreach ((IntermediateKey key, double value) in trial.IntermediateValues)
        {
            (double? stored, string type) = Classify(value);
            Db.Execute(
                c,
                t,
                "INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value, intermediate_value_type) VALUES (@t, @s, @v, @type)",
                ("@t", id),
                ("@s", ((long)key.Fold * FoldStride) + key.Step),
                ("@v", stored),
                ("@type", type));
        }

        foreach ((string key, JsonElement value) in trial.UserAttributes)
        {
            Db.Execute(c, t, "INSERT INTO trial_user_attributes (trial_id, key, value_json) VALUES (@t, @k, @v)", ("@t", id), ("@k", key), ("@v", value.GetRawText()));
        }

        var system = trial.SystemAttributes.ToDictionary(p => p.Key, p => p.Value.GetRawText());
        if (trial.Constraints is { } constraints)
        {
            system["constraints"] = JsonSerializer.Serialize(constraints);
        }

        foreach ((string key, string json) in system)
        {
            Db.Execute(c, t, "INSERT INTO trial_system_attributes (trial_id, key, value_json) VALUES (@t, @k, @v)", ("@t", id), ("@k", key), ("@v", json));
        }
    }

    private static (double? Value, string Type) Classify(double value) => value switch
    {
        double.PositiveInfinity => (null, "INF_POS"),
        double.NegativeInfinity => (null, "INF_NEG"),
        _ when double.IsNaN(value) => (null, "NAN"),
        _ => (value, "FINITE"),
    };

    private static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
