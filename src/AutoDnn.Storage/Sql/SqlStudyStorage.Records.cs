using System.Data.Common;
using System.Text.Json;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Trials;

namespace AutoDnn.Storage.Sql;

/// <content>Heartbeats, stale-trial recovery, claims, provenance and artifacts (<see cref="ITrialRecordStore"/>).</content>
public abstract partial class SqlStudyStorage
{
    /// <summary>System attribute on a retried trial: the number of the failed trial it repeats.</summary>
    public const string RetriedFromAttribute = "retried_from";

    /// <summary>System attribute on a retried trial: how many times its parameters have been retried so far.</summary>
    public const string RetryCountAttribute = "retry_count";

    /// <inheritdoc />
    public bool RecordHeartbeat(long trialId) => Write("Recording a heartbeat", (c, t) =>
    {
        int changed = Db.Execute(
            c,
            t,
            "UPDATE trials SET heartbeat_at = @now WHERE trial_id = @t AND state = @running",
            ("@now", Now()),
            ("@t", trialId),
            ("@running", nameof(TrialState.Running)));
        if (changed == 0)
        {
            LockTrial(c, t, trialId);
        }

        return changed == 1;
    });

    /// <inheritdoc />
    public IReadOnlyList<FrozenTrial> FailStaleTrials(long studyId, TimeSpan grace, int maxRetries = 0, bool silentSinceStart = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        return Write("Failing stale trials", (c, t) =>
        {
            RequireStudy(c, t, studyId);
            long now = Now();
            var stale = new List<long>();
            using (DbCommand command = Db.Command(
                c,
                t,
                """
                SELECT trial_id FROM trials
                WHERE study_id = @s AND state = @running
                  AND ((heartbeat_at IS NOT NULL AND heartbeat_at < @cutoff)
                       OR (@silent = 1 AND heartbeat_at IS NULL AND started_at < @cutoff))
                ORDER BY number
                """ + _dialect.ForUpdateSkipLocked,
                ("@s", studyId),
                ("@running", nameof(TrialState.Running)),
                ("@cutoff", now - (long)(grace.Ticks / 10)),
                ("@silent", silentSinceStart ? 1 : 0)))
            using (DbDataReader reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    stale.Add(reader.GetLong("trial_id"));
                }
            }

            var failed = new List<FrozenTrial>();
            foreach (long trialId in stale)
            {
                string reason = $"No heartbeat for more than {grace.TotalSeconds:0.###} s: the worker running this trial stopped.";
                UpsertAttribute(c, t, trialId, AttributeScope.System, TrialSystemAttributes.FailReason, JsonSerializer.Serialize(reason));
                Db.Execute(
                    c,
                    t,
                    "UPDATE trials SET state = @fail, finished_at = @now WHERE trial_id = @t",
                    ("@fail", nameof(TrialState.Fail)),
                    ("@now", now),
                    ("@t", trialId));
                FrozenTrial trial = LoadTrials(c, t, "t.trial_id = @k", trialId)[0];
                failed.Add(trial);
                int retries = trial.SystemAttributes.TryGetValue(RetryCountAttribute, out JsonElement count) ? count.GetInt32() : 0;
                if (retries < maxRetries)
                {
                    InsertTrial(c, t, studyId, new FrozenTrial
                    {
                        State = TrialState.Waiting,
                        SystemAttributes = new Dictionary<string, JsonElement>
                        {
                            [TrialSystemAttributes.FixedParams] = JsonSerializer.SerializeToElement(trial.Params),
                            [RetriedFromAttribute] = JsonSerializer.SerializeToElement(trial.Number),
                            [RetryCountAttribute] = JsonSerializer.SerializeToElement(retries + 1),
                        },
                    });
                }
            }

            return failed;
        });
    }

    /// <inheritdoc />
    public FrozenTrial? ClaimWaitingTrial(long studyId) => Write("Claiming a waiting trial", (c, t) =>
    {
        RequireStudy(c, t, studyId);
        if (Db.ScalarLong(
            c,
            t,
            "SELECT trial_id FROM trials WHERE study_id = @s AND state = @waiting ORDER BY number LIMIT 1" + _dialect.ForUpdateSkipLocked,
            ("@s", studyId),
            ("@waiting", nameof(TrialState.Waiting))) is not { } trialId)
        {
            return null;
        }

        Db.Execute(
            c,
            t,
            "UPDATE trials SET state = @running, started_at = @now WHERE trial_id = @t",
            ("@running", nameof(TrialState.Running)),
            ("@now", Now()),
            ("@t", trialId));
        return LoadTrials(c, t, "t.trial_id = @k", trialId)[0];
    });

    /// <inheritdoc />
    public void SetProvenance(long trialId, TrialProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        Write("Recording provenance", (c, t) =>
        {
            TrialRow row = LockTrial(c, t, trialId);
            if (row.State.IsFinished())
            {
                throw new InvalidOperationException($"Trial {row.Number} is {row.State}; record provenance before telling the result.");
            }

            return Db.Execute(
                c,
                t,
                """
                INSERT INTO trial_provenance (trial_id, seed, plugin_name, plugin_version, plugin_sha256, libtorch_version, device, host, program_version)
                VALUES (@t, @seed, @pn, @pv, @ps, @lt, @dev, @host, @prog)
                ON CONFLICT (trial_id) DO UPDATE SET seed = excluded.seed, plugin_name = excluded.plugin_name,
                    plugin_version = excluded.plugin_version, plugin_sha256 = excluded.plugin_sha256,
                    libtorch_version = excluded.libtorch_version, device = excluded.device, host = excluded.host,
                    program_version = excluded.program_version
                """,
                ("@t", trialId),
                ("@seed", provenance.Seed),
                ("@pn", provenance.PluginName),
                ("@pv", provenance.PluginVersion),
                ("@ps", provenance.PluginSha256),
                ("@lt", provenance.LibTorchVersion),
                ("@dev", provenance.Device),
                ("@host", provenance.Host),
                ("@prog", provenance.ProgramVersion));
        });
    }

    /// <inheritdoc />
    public TrialProvenance? GetProvenance(long trialId) => Read("Reading provenance", (c, t) =>
    {
        LockTrialForRead(c, t, trialId);
        using DbCommand command = Db.Command(c, t, "SELECT * FROM trial_provenance WHERE trial_id = @t", ("@t", trialId));
        using DbDataReader r = command.ExecuteReader();
        return r.Read()
            ? new TrialProvenance
            {
                Seed = r.GetNullableLong("seed"),
                PluginName = r.GetNullableString("plugin_name"),
                PluginVersion = r.GetNullableString("plugin_version"),
                PluginSha256 = r.GetNullableString("plugin_sha256"),
                LibTorchVersion = r.GetNullableString("libtorch_version"),
                Device = r.GetNullableString("device"),
                Host = r.GetNullableString("host"),
                ProgramVersion = r.GetNullableString("program_version"),
            }
            : null;
    });

    /// <inheritdoc />
    public TrialArtifact AddArtifact(long trialId, string name, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Artifact '{name}' of trial id {trialId}: no file at '{fullPath}'.", fullPath);
        }

        string sha256 = TrialProvenance.Sha256OfFile(fullPath);
        long size = new FileInfo(fullPath).Length;
        long now = Now();
        Write("Recording an artifact", (c, t) =>
        {
            LockTrial(c, t, trialId);
            return Db.Execute(
                c,
                t,
                """
                INSERT INTO trial_artifacts (trial_id, name, path, sha256, size_bytes, recorded_at) VALUES (@t, @n, @p, @h, @size, @at)
                ON CONFLICT (trial_id, name) DO UPDATE SET path = excluded.path, sha256 = excluded.sha256,
                    size_bytes = excluded.size_bytes, recorded_at = excluded.recorded_at
                """,
                ("@t", trialId),
                ("@n", name),
                ("@p", fullPath),
                ("@h", sha256),
                ("@size", size),
                ("@at", now));
        });
        return new TrialArtifact(trialId, name, fullPath, sha256, size, FromMicros(now));
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialArtifact> GetArtifacts(long trialId) => Read("Reading artifacts", (c, t) =>
    {
        LockTrialForRead(c, t, trialId);
        var artifacts = new List<TrialArtifact>();
        using DbCommand command = Db.Command(c, t, "SELECT * FROM trial_artifacts WHERE trial_id = @t ORDER BY name", ("@t", trialId));
        using DbDataReader r = command.ExecuteReader();
        while (r.Read())
        {
            artifacts.Add(new TrialArtifact(
                trialId, (string)r["name"], (string)r["path"], (string)r["sha256"], r.GetLong("size_bytes"), FromMicros(r.GetLong("recorded_at"))));
        }

        return artifacts;
    });

    private void LockTrialForRead(DbConnection c, DbTransaction t, long trialId)
    {
        if (Db.ScalarLong(c, t, "SELECT trial_id FROM trials WHERE trial_id = @t", ("@t", trialId)) is null)
        {
            throw new KeyNotFoundException($"No trial with id {trialId} in {Location}.");
        }
    }
}
