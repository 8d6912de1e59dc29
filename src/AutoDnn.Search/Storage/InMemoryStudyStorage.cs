using System.Collections.Immutable;
using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Storage;

/// <summary>A thread-safe <see cref="IStudyStorage"/> in process memory, for tests, notebooks and single-process runs.</summary>
public sealed class InMemoryStudyStorage : IStudyStorage
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<long, StudyData> _studies = [];
    private readonly Dictionary<string, long> _studyIdsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<long, (long StudyId, int Number)> _trialLocations = [];
    private long _nextStudyId;
    private long _nextTrialId;

    /// <summary>Creates an empty storage; <paramref name="timeProvider"/> stamps start and finish times (tests pass a fake).</summary>
    public InMemoryStudyStorage(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public StudyRecord CreateStudy(string name, IReadOnlyList<StudyDirection> directions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(directions);
        if (directions.Count == 0)
        {
            throw new ArgumentException("A study needs at least one direction.", nameof(directions));
        }

        lock (_gate)
        {
            if (_studyIdsByName.ContainsKey(name))
            {
                throw new DuplicateStudyException($"A study named '{name}' already exists.");
            }

            var record = new StudyRecord { StudyId = _nextStudyId++, Name = name, Directions = directions };
            _studies.Add(record.StudyId, new StudyData(record));
            _studyIdsByName.Add(name, record.StudyId);
            return record;
        }
    }

    /// <inheritdoc />
    public StudyRecord? FindStudy(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            return _studyIdsByName.TryGetValue(name, out long id) ? _studies[id].Record : null;
        }
    }

    /// <inheritdoc />
    public StudyRecord GetStudy(long studyId)
    {
        lock (_gate)
        {
            return Study(studyId).Record;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StudyRecord> GetAllStudies()
    {
        lock (_gate)
        {
            return _studies.Values.Select(s => s.Record).OrderBy(r => r.StudyId).ToImmutableArray();
        }
    }

    /// <inheritdoc />
    public void SetStudyAttribute(long studyId, AttributeScope scope, string key, JsonElement value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        JsonElement copy = value.Clone();
        lock (_gate)
        {
            StudyData study = Study(studyId);
            study.Record = scope == AttributeScope.User
                ? study.Record with { UserAttributes = With(study.Record.UserAttributes, key, copy) }
                : study.Record with { SystemAttributes = With(study.Record.SystemAttributes, key, copy) };
        }
    }

    /// <inheritdoc />
    public FrozenTrial CreateTrial(long studyId, FrozenTrial? template = null)
    {
        lock (_gate)
        {
            StudyData study = Study(studyId);
            DateTimeOffset now = _time.GetUtcNow();
            FrozenTrial trial;
            if (template is null)
            {
                trial = new FrozenTrial { State = TrialState.Running, StartedAt = now };
            }
            else
            {
                ValidateTemplate(study, template);
                foreach ((string name, Distribution distribution) in template.Distributions)
                {
                    RememberDistribution(study, name, distribution);
                }

                trial = template with
                {
                    StartedAt = template.State == TrialState.Waiting ? null : template.StartedAt ?? now,
                    FinishedAt = template.State.IsFinished() ? template.FinishedAt ?? now : null,
                    UserAttributes = template.UserAttributes.ToDictionary(p => p.Key, p => p.Value.Clone()),
                    SystemAttributes = template.SystemAttributes.ToDictionary(p => p.Key, p => p.Value.Clone()),
                };
            }

            trial = trial with { TrialId = _nextTrialId++, Number = study.Trials.Count };
            study.Trials.Add(trial);
            _trialLocations.Add(trial.TrialId, (studyId, trial.Number));
            return trial;
        }
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

        lock (_gate)
        {
            (StudyData study, FrozenTrial trial) = Trial(trialId);
            RequireState(trial, TrialState.Running);
            if (trial.InternalParams.ContainsKey(name))
            {
                throw new InvalidOperationException($"Trial {trial.Number} already has parameter '{name}'.");
            }

            RememberDistribution(study, name, distribution);
            Replace(study, trial with
            {
                InternalParams = With(trial.InternalParams, name, internalValue),
                Distributions = With(trial.Distributions, name, distribution),
            });
        }
    }

    /// <inheritdoc />
    public void ReportIntermediate(long trialId, int fold, int step, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fold);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        lock (_gate)
        {
            (StudyData study, FrozenTrial trial) = Trial(trialId);
            RequireState(trial, TrialState.Running);
            var values = (ImmutableSortedDictionary<IntermediateKey, double>)trial.IntermediateValues;
            Replace(study, trial with { IntermediateValues = values.SetItem(new IntermediateKey(fold, step), value) });
        }
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

        lock (_gate)
        {
            (StudyData study, FrozenTrial trial) = Trial(trialId);
            if (trial.State != expected)
            {
                return false;
            }

            if (values is not null && values.Count != study.Record.Directions.Count)
            {
                throw new ArgumentException(
                    $"Study '{study.Record.Name}' has {study.Record.Directions.Count} objectives, got {values.Count} values.", nameof(values));
            }

            DateTimeOffset now = _time.GetUtcNow();
            Replace(study, state == TrialState.Running
                ? trial with { State = state, StartedAt = now }
                : trial with { State = state, Values = values, Constraints = constraints, FinishedAt = now, StartedAt = trial.StartedAt ?? now });
            return true;
        }
    }

    /// <inheritdoc />
    public void SetTrialAttribute(long trialId, AttributeScope scope, string key, JsonElement value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        JsonElement copy = value.Clone();
        lock (_gate)
        {
            (StudyData study, FrozenTrial trial) = Trial(trialId);
            if (trial.State.IsFinished())
            {
                throw new InvalidOperationException($"Trial {trial.Number} is {trial.State}; a finished trial cannot change.");
            }

            Replace(study, scope == AttributeScope.User
                ? trial with { UserAttributes = With(trial.UserAttributes, key, copy) }
                : trial with { SystemAttributes = With(trial.SystemAttributes, key, copy) });
        }
    }

    /// <inheritdoc />
    public FrozenTrial GetTrial(long trialId)
    {
        lock (_gate)
        {
            return Trial(trialId).Trial;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FrozenTrial> GetAllTrials(long studyId)
    {
        lock (_gate)
        {
            return [.. Study(studyId).Trials];
        }
    }

    private static ImmutableSortedDictionary<string, T> With<T>(IReadOnlyDictionary<string, T> source, string key, T value) =>
        ((ImmutableSortedDictionary<string, T>)source).SetItem(key, value);

    private static void RequireState(FrozenTrial trial, TrialState state)
    {
        if (trial.State != state)
        {
            throw new InvalidOperationException($"Trial {trial.Number} is {trial.State}, not {state}; it cannot be changed.");
        }
    }

    private static void ValidateTemplate(StudyData study, FrozenTrial template)
    {
        if (template.State == TrialState.Complete && template.Values is null)
        {
            throw new ArgumentException($"A Complete template trial needs values.", nameof(template));
        }

        if (template.Values is { } values && values.Count != study.Record.Directions.Count)
        {
            throw new ArgumentException(
                $"Study '{study.Record.Name}' has {study.Record.Directions.Count} objectives, the template has {values.Count} values.",
                nameof(template));
        }

        foreach ((string name, double value) in template.InternalParams)
        {
            if (!template.Distributions.TryGetValue(name, out Distribution? distribution) || !distribution.Contains(value))
            {
                throw new ArgumentException($"Template parameter '{name}' = {value} has no distribution that contains it.", nameof(template));
            }
        }
    }

    private static void RememberDistribution(StudyData study, string name, Distribution distribution)
    {
        if (study.FirstDistributions.TryGetValue(name, out Distribution? first))
        {
            if (!first.IsCompatibleWith(distribution))
            {
                throw new ArgumentException(
                    $"Parameter '{name}' was suggested as {first} earlier in study '{study.Record.Name}'; {distribution} is not compatible.",
                    nameof(distribution));
            }
        }
        else
        {
            study.FirstDistributions.Add(name, distribution);
        }
    }

    private static void Replace(StudyData study, FrozenTrial trial) => study.Trials[trial.Number] = trial;

    private StudyData Study(long studyId) =>
        _studies.TryGetValue(studyId, out StudyData? study) ? study : throw new KeyNotFoundException($"No study with id {studyId}.");

    private (StudyData Study, FrozenTrial Trial) Trial(long trialId)
    {
        if (!_trialLocations.TryGetValue(trialId, out var location))
        {
            throw new KeyNotFoundException($"No trial with id {trialId}.");
        }

        StudyData study = _studies[location.StudyId];
        return (study, study.Trials[location.Number]);
    }

    private sealed class StudyData(StudyRecord record)
    {
        public StudyRecord Record { get; set; } = record;

        public List<FrozenTrial> Trials { get; } = [];

        public Dictionary<string, Distribution> FirstDistributions { get; } = new(StringComparer.Ordinal);
    }
}
