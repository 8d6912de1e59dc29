using System.Data.Common;
using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Trials;

namespace AutoDnn.Storage.Sql;

/// <content>Creating trials and changing Waiting or Running ones.</content>
public abstract partial class SqlStudyStorage
{
    /// <inheritdoc />
    public FrozenTrial CreateTrial(long studyId, FrozenTrial? template = null)
    {
        long trialId = Write("Creating a trial", (c, t) => InsertTrial(c, t, studyId, template));
        return GetTrial(trialId);
    }

    /// <inheritdoc />
    public void SetTrialParam(long trialId, string name, double internalValue, Distribution distribution)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(distribution);
        if (!distribution.Contains(internalValue))
        {
            throw new ArgumentException($"Internal value {internalValue} of '{name}' is outside {distribution}.", nameof(internalValue));
        }

        Write("Setting a trial parameter", (c, t) =>
        {
            TrialRow row = LockTrial(c, t, trialId);
            RequireState(row, TrialState.Running);
            if (Db.Scalar(c, t, "SELECT name FROM trial_params WHERE trial_id = @t AND name = @n", ("@t", trialId), ("@n", name)) is not null)
            {
                throw new InvalidOperationException($"Trial {row.Number} already has parameter '{name}'.");
            }

            RememberDistribution(c, t, row.StudyId, name, distribution);
            return Db.Execute(
                c,
                t,
                "INSERT INTO trial_params (trial_id, name, internal_value, distribution_json) VALUES (@t, @n, @v, @d)",
                ("@t", trialId),
                ("@n", name),
                ("@v", internalValue),
                ("@d", distribution.ToJson()));
        });
    }

    /// <inheritdoc />
    public void ReportIntermediate(long trialId, int fold, int step, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fold);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        Write("Reporting an intermediate value", (c, t) =>
        {
            RequireState(LockTrial(c, t, trialId), TrialState.Running);
            return UpsertIntermediate(c, t, trialId, fold, step, value);
        });
    }

    /// <inheritdoc />
    public bool TrySetTrialState(
        long trialId,
        TrialState expected,
        TrialState state,
        IReadOnlyList<double>? values = null,
        IReadOnlyList<double>? constraints = null)
    {
        TrialStateExtensions.EnsureTransitionAllowed(expected, state, values);

        return Write("Changing a trial's state", (c, t) =>
        {
            TrialRow row = LockTrial(c, t, trialId);
            if (row.State != expected)
            {
                return false;
            }

            int objectives = DirectionCount(c, t, row.StudyId);
            if (values is not null && values.Count != objectives)
            {
                throw new ArgumentException($"The study of trial {row.Number} has {objectives} objectives, got {values.Count} values.", nameof(values));
            }

            long now = Now();
            int changed = state == TrialState.Running
                ? Db.Execute(
                    c,
                    t,
                    "UPDATE trials SET state = @new, started_at = @now WHERE trial_id = @t AND state = @old",
                    ("@new", state.ToString()),
                    ("@now", now),
                    ("@t", trialId),
                    ("@old", expected.ToString()))
                : Db.Execute(
                    c,
                    t,
                    """
                    UPDATE trials SET state = @new, values_json = @v, constraints_json = @k, finished_at = @now,
                        started_at = COALESCE(started_at, @now)
                    WHERE trial_id = @t AND state = @old
                    """,
                    ("@new", state.ToString()),
                    ("@v", ToJson(values)),
                    ("@k", ToJson(constraints)),
                    ("@now", now),
                    ("@t", trialId),
                    ("@old", expected.ToString()));
            return changed == 1;
        });
    }

    /// <inheritdoc />
    public void SetTrialAttribute(long trialId, AttributeScope scope, string key, JsonElement value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        string json = value.GetRawText();
        Write("Setting a trial attribute", (c, t) =>
        {
            TrialRow row = LockTrial(c, t, trialId);
            if (row.State.IsFinished())
            {
                throw new InvalidOperationException($"Trial {row.Number} is {row.State}; a finished trial cannot change.");
            }

            return UpsertAttribute(c, t, trialId, scope, key, json);
        });
    }

    private protected long InsertTrial(DbConnection c, DbTransaction t, long studyId, FrozenTrial? template)
    {
        // The study row is the per-study counter: updating it locks it, so numbers stay dense and unique under concurrency.
        long number = Db.ScalarLong(
            c,
            t,
            "UPDATE studies SET next_number = next_number + 1 WHERE study_id = @s RETURNING next_number - 1",
            ("@s", studyId))
            ?? throw new KeyNotFoundException($"No study with id {studyId} in {Location}.");
        long now = Now();
        if (template is null)
        {
            return InsertTrialRow(c, t, studyId, number, TrialState.Running, null, null, now, null);
        }

        ValidateTemplate(DirectionCount(c, t, studyId), template);
        foreach ((string name, Distribution distribution) in template.Distributions)
        {
            RememberDistribution(c, t, studyId, name, distribution);
        }

        long? started = template.State == TrialState.Waiting ? null : template.StartedAt is { } s ? ToMicros(s) : now;
        long? finished = template.State.IsFinished() ? template.FinishedAt is { } f ? ToMicros(f) : now : null;
        long trialId = InsertTrialRow(c, t, studyId, number, template.State, template.Values, template.Constraints, started, finished);
        foreach ((string name, double value) in template.InternalParams)
        {
            Db.Execute(
                c,
                t,
                "INSERT INTO trial_params (trial_id, name, internal_value, distribution_json) VALUES (@t, @n, @v, @d)",
                ("@t", trialId),
                ("@n", name),
                ("@v", value),
                ("@d", template.Distributions[name].ToJson()));
        }

        foreach ((IntermediateKey key, double value) in template.IntermediateValues)
        {
            UpsertIntermediate(c, t, trialId, key.Fold, key.Step, value);
        }

        foreach ((string key, JsonElement value) in template.UserAttributes)
        {
            UpsertAttribute(c, t, trialId, AttributeScope.User, key, value.GetRawText());
        }

        foreach ((string key, JsonElement value) in template.SystemAttributes)
        {
            UpsertAttribute(c, t, trialId, AttributeScope.System, key, value.GetRawText());
        }

        return trialId;
    }

    private protected TrialRow LockTrial(DbConnection c, DbTransaction t, long trialId)
    {
        using DbCommand command = Db.Command(
            c, t, "SELECT study_id, number, state FROM trials WHERE trial_id = @t" + _dialect.ForUpdate, ("@t", trialId));
        using DbDataReader reader = command.ExecuteReader();
        return reader.Read()
            ? new TrialRow(trialId, reader.GetLong("study_id"), (int)reader.GetLong("number"), Enum.Parse<TrialState>((string)reader["state"]))
            : throw new KeyNotFoundException($"No trial with id {trialId} in {Location}.");
    }

    private protected static int UpsertAttribute(DbConnection c, DbTransaction t, long trialId, AttributeScope scope, string key, string json) =>
        Db.Execute(
            c,
            t,
            """
            INSERT INTO trial_attributes (trial_id, scope, key, value_json) VALUES (@t, @scope, @k, @v)
            ON CONFLICT (trial_id, scope, key) DO UPDATE SET value_json = excluded.value_json
            """,
            ("@t", trialId),
            ("@scope", (int)scope),
            ("@k", key),
            ("@v", json));

    private static long InsertTrialRow(
        DbConnection c, DbTransaction t, long studyId, long number, TrialState state, IReadOnlyList<double>? values, IReadOnlyList<double>? constraints, long? started, long? finished) =>
        Db.ScalarLong(
            c,
            t,
            """
            INSERT INTO trials (study_id, number, state, values_json, constraints_json, started_at, finished_at)
            VALUES (@s, @n, @state, @v, @k, @start, @end) RETURNING trial_id
            """,
            ("@s", studyId),
            ("@n", number),
            ("@state", state.ToString()),
            ("@v", ToJson(values)),
            ("@k", ToJson(constraints)),
            ("@start", started),
            ("@end", finished))!.Value;

    private static int UpsertIntermediate(DbConnection c, DbTransaction t, long trialId, int fold, int step, double value) =>
        Db.Execute(
            c,
            t,
            """
            INSERT INTO trial_intermediate (trial_id, fold, step, value) VALUES (@t, @f, @s, @v)
            ON CONFLICT (trial_id, fold, step) DO UPDATE SET value = excluded.value
            """,
            ("@t", trialId),
            ("@f", fold),
            ("@s", step),
            ("@v", double.IsNaN(value) ? null : value));

    private static int DirectionCount(DbConnection c, DbTransaction t, long studyId) =>
        ((string)Db.Scalar(c, t, "SELECT directions FROM studies WHERE study_id = @s", ("@s", studyId))!).Split(',').Length;

    private static void RequireState(TrialRow row, TrialState state)
    {
        if (row.State != state)
        {
            throw new InvalidOperationException($"Trial {row.Number} is {row.State}, not {state}; it cannot be changed.");
        }
    }

    private static void ValidateTemplate(int objectives, FrozenTrial template)
    {
        if (template.State == TrialState.Complete && template.Values is null)
        {
            throw new ArgumentException("A Complete template trial needs values.", nameof(template));
        }

        if (template.Values is { } values && values.Count != objectives)
        {
            throw new ArgumentException($"The study has {objectives} objectives, the template has {values.Count} values.", nameof(template));
        }

        foreach ((string name, double value) in template.InternalParams)
        {
            if (!template.Distributions.TryGetValue(name, out Distribution? distribution) || !distribution.Contains(value))
            {
                throw new ArgumentException($"Template parameter '{name}' = {value} has no distribution that contains it.", nameof(template));
            }
        }
    }

    private static void RememberDistribution(DbConnection c, DbTransaction t, long studyId, string name, Distribution distribution)
    {
        Db.Execute(
            c,
            t,
            "INSERT INTO study_params (study_id, name, distribution_json) VALUES (@s, @n, @d) ON CONFLICT (study_id, name) DO NOTHING",
            ("@s", studyId),
            ("@n", name),
            ("@d", distribution.ToJson()));
        var first = Distribution.FromJson((string)Db.Scalar(
            c, t, "SELECT distribution_json FROM study_params WHERE study_id = @s AND name = @n", ("@s", studyId), ("@n", name))!);
        if (!first.IsCompatibleWith(distribution))
        {
            throw new ArgumentException(
                $"Parameter '{name}' was suggested as {first.ToJson()} earlier in this study; {distribution.ToJson()} is not compatible.",
                nameof(distribution));
        }
    }

    /// <summary>The columns of a trial row that operations check before changing it.</summary>
    private protected readonly record struct TrialRow(long TrialId, long StudyId, int Number, TrialState State);
}
