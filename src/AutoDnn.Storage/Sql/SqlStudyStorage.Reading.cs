using System.Data.Common;
using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Trials;

namespace AutoDnn.Storage.Sql;

/// <content>Reading trial snapshots: one consistent read transaction, one query per table.</content>
public abstract partial class SqlStudyStorage
{
    /// <inheritdoc />
    public FrozenTrial GetTrial(long trialId) =>
        Read("Reading a trial", (c, t) => LoadTrials(c, t, "t.trial_id = @k", trialId)).FirstOrDefault()
        ?? throw new KeyNotFoundException($"No trial with id {trialId} in {Location}.");

    /// <inheritdoc />
    public IReadOnlyList<FrozenTrial> GetAllTrials(long studyId) => Read("Reading trials", (c, t) =>
    {
        RequireStudy(c, t, studyId);
        return LoadTrials(c, t, "t.study_id = @k", studyId);
    });

    private protected static List<FrozenTrial> LoadTrials(DbConnection c, DbTransaction t, string where, long key)
    {
        var trials = new Dictionary<long, Builder>();
        var order = new List<long>();
        using (DbCommand command = Db.Command(
            c,
            t,
            $"SELECT t.trial_id, t.number, t.state, t.values_json, t.constraints_json, t.started_at, t.finished_at FROM trials t WHERE {where} ORDER BY t.number",
            ("@k", key)))
        using (DbDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                long id = reader.GetLong("trial_id");
                order.Add(id);
                trials[id] = new Builder
                {
                    TrialId = id,
                    Number = (int)reader.GetLong("number"),
                    State = Enum.Parse<TrialState>((string)reader["state"]),
                    Values = NumbersFromJson(reader.GetNullableString("values_json")),
                    Constraints = NumbersFromJson(reader.GetNullableString("constraints_json")),
                    StartedAt = reader.GetNullableLong("started_at") is { } s ? FromMicros(s) : null,
                    FinishedAt = reader.GetNullableLong("finished_at") is { } f ? FromMicros(f) : null,
                };
            }
        }

        if (trials.Count == 0)
        {
            return [];
        }

        var distributions = new Dictionary<string, Distribution>(StringComparer.Ordinal);
        ForEachRow(c, t, $"SELECT p.trial_id, p.name, p.internal_value, p.distribution_json FROM trial_params p JOIN trials t ON t.trial_id = p.trial_id WHERE {where}", key, r =>
        {
            Builder trial = trials[r.GetLong("trial_id")];
            string json = (string)r["distribution_json"];
            if (!distributions.TryGetValue(json, out Distribution? distribution))
            {
                distribution = Distribution.FromJson(json);
                distributions.Add(json, distribution);
            }

            string name = (string)r["name"];
            trial.Params[name] = r.GetDoubleOrNaN("internal_value");
            trial.Distributions[name] = distribution;
        });
        ForEachRow(c, t, $"SELECT i.trial_id, i.fold, i.step, i.value FROM trial_intermediate i JOIN trials t ON t.trial_id = i.trial_id WHERE {where}", key, r =>
            trials[r.GetLong("trial_id")].Intermediate[new IntermediateKey((int)r.GetLong("fold"), (int)r.GetLong("step"))] = r.GetDoubleOrNaN("value"));
        ForEachRow(c, t, $"SELECT a.trial_id, a.scope, a.key, a.value_json FROM trial_attributes a JOIN trials t ON t.trial_id = a.trial_id WHERE {where}", key, r =>
        {
            Builder trial = trials[r.GetLong("trial_id")];
            var target = r.GetLong("scope") == (int)AttributeScope.User ? trial.UserAttributes : trial.SystemAttributes;
            target[(string)r["key"]] = ParseJson((string)r["value_json"]);
        });
        return order.Select(id => trials[id].Build()).ToList();
    }

    private protected static void ForEachRow(DbConnection c, DbTransaction t, string sql, long key, Action<DbDataReader> action)
    {
        using DbCommand command = Db.Command(c, t, sql, ("@k", key));
        using DbDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            action(reader);
        }
    }

    /// <summary>Collects one trial's rows before they become an immutable <see cref="FrozenTrial"/>.</summary>
    private sealed class Builder
    {
        public long TrialId { get; init; }

        public int Number { get; init; }

        public TrialState State { get; init; }

        public IReadOnlyList<double>? Values { get; init; }

        public IReadOnlyList<double>? Constraints { get; init; }

        public DateTimeOffset? StartedAt { get; init; }

        public DateTimeOffset? FinishedAt { get; init; }

        public Dictionary<string, double> Params { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Distribution> Distributions { get; } = new(StringComparer.Ordinal);

        public Dictionary<IntermediateKey, double> Intermediate { get; } = [];

        public Dictionary<string, JsonElement> UserAttributes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, JsonElement> SystemAttributes { get; } = new(StringComparer.Ordinal);

        public FrozenTrial Build() => new()
        {
            TrialId = TrialId,
            Number = Number,
            State = State,
            Values = Values,
            Constraints = Constraints,
            StartedAt = StartedAt,
            FinishedAt = FinishedAt,
            InternalParams = Params,
            Distributions = Distributions,
            IntermediateValues = Intermediate,
            UserAttributes = UserAttributes,
            SystemAttributes = SystemAttributes,
        };
    }
}
