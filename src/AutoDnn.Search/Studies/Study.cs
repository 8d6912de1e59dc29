using System.Collections.Immutable;
using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Pruners;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Studies;

/// <summary>An optimization campaign: asks trials from the sampler, tells their results to storage, and reports the best.</summary>
/// <remarks>
/// Thread-safe: any number of threads may Ask and Tell concurrently. All state lives in storage, so several Study
/// objects (in several processes) over one shared storage and name act as one study.
/// </remarks>
public sealed class Study
{
    private static readonly IReadOnlyDictionary<string, double> NoRelativeParams = ImmutableDictionary<string, double>.Empty;

    private readonly Lock _askGate = new();
    private readonly Func<FrozenTrial, IReadOnlyList<double>>? _constraints;

    private Study(IStudyStorage storage, StudyRecord record, ISampler sampler, IPruner pruner, Func<FrozenTrial, IReadOnlyList<double>>? constraints)
    {
        Storage = storage;
        Id = record.StudyId;
        Name = record.Name;
        Directions = record.Directions;
        Sampler = sampler;
        Pruner = pruner;
        _constraints = constraints;
    }

    public long Id { get; }

    public string Name { get; }

    public IReadOnlyList<StudyDirection> Directions { get; }

    public IStudyStorage Storage { get; }

    public ISampler Sampler { get; }

    public IPruner Pruner { get; }

    public bool IsMultiObjective => Directions.Count > 1;

    /// <summary>The single direction; throws for multi-objective studies.</summary>
    public StudyDirection Direction => IsMultiObjective
        ? throw new InvalidOperationException($"Study '{Name}' has {Directions.Count} objectives; use Directions.")
        : Directions[0];

    /// <summary>Every trial, in number order, as stored now.</summary>
    public IReadOnlyList<FrozenTrial> Trials => Storage.GetAllTrials(Id);

    public IReadOnlyDictionary<string, JsonElement> UserAttributes => Storage.GetStudy(Id).UserAttributes;

    /// <summary>The best completed feasible trial (lowest number on ties); single-objective only.</summary>
    public FrozenTrial BestTrial
    {
        get
        {
            StudyDirection direction = Direction;
            var candidates = Trials.Where(t => t.State == TrialState.Complete && t.IsFeasible).ToList();
            if (candidates.Count == 0)
            {
                throw new InvalidOperationException($"Study '{Name}' has no completed feasible trial yet.");
            }

            return direction == StudyDirection.Minimize ? candidates.MinBy(t => t.Value)! : candidates.MaxBy(t => t.Value)!;
        }
    }

    public double BestValue => BestTrial.Value!.Value;

    public IReadOnlyDictionary<string, object?> BestParams => BestTrial.Params;

    /// <summary>The Pareto front of completed feasible trials (for one objective: all trials tied for best).</summary>
    public IReadOnlyList<FrozenTrial> BestTrials =>
        ParetoFront.Of(Trials.Where(t => t.State == TrialState.Complete && t.IsFeasible), Directions);

    /// <summary>Creates a study, or loads it when <see cref="StudyOptions.LoadIfExists"/> is set and the name exists.</summary>
    public static Study Create(StudyOptions? options = null)
    {
        options ??= new StudyOptions();
        if (options.Directions is null || options.Directions.Count == 0)
        {
            throw new ArgumentException("A study needs at least one direction.", nameof(options));
        }

        if (options.Directions.Any(d => !Enum.IsDefined(d)))
        {
            throw new ArgumentException("Directions must be Minimize or Maximize.", nameof(options));
        }

        IStudyStorage storage = options.Storage ?? new InMemoryStudyStorage();
        string name = options.Name ?? $"study-{Guid.NewGuid():N}";
        StudyRecord? record = storage.FindStudy(name);
        if (record is null)
        {
            try
            {
                record = storage.CreateStudy(name, options.Directions);
            }
            catch (DuplicateStudyException) when (options.LoadIfExists)
            {
                record = storage.FindStudy(name) ?? throw new InvalidOperationException($"Study '{name}' vanished while loading.");
            }
        }
        else if (!options.LoadIfExists)
        {
            throw new DuplicateStudyException($"A study named '{name}' already exists; set LoadIfExists to continue it.");
        }

        if (!record.Directions.SequenceEqual(options.Directions))
        {
            throw new ArgumentException(
                $"Study '{name}' is stored with directions [{string.Join(", ", record.Directions)}], "
                + $"not [{string.Join(", ", options.Directions)}].",
                nameof(options));
        }

        return new Study(storage, record, options.Sampler ?? new RandomSampler(), options.Pruner ?? new NopPruner(), options.Constraints);
    }

    /// <summary>An immutable view of the study now, as samplers and pruners see it.</summary>
    public StudySnapshot Snapshot() => new(Id, Name, Directions, Storage.GetAllTrials(Id));

    public void SetUserAttribute<T>(string key, T value) =>
        Storage.SetStudyAttribute(Id, AttributeScope.User, key, JsonSerializer.SerializeToElement(value));

    /// <summary>Starts a trial: takes the oldest enqueued one, or creates one; runs the sampler's relative sampling.</summary>
    /// <exception cref="SearchSpaceExhaustedException">A finite sampler has no point left.</exception>
    public Trial Ask() => Ask(createWhenNoneWaiting: true)!;

    /// <summary>
    /// Starts the oldest enqueued (Waiting) trial, or returns null when none is left; never creates a trial. Campaigns
    /// enqueue one Waiting trial per budget slot, so that many workers meet the budget exactly.
    /// </summary>
    public Trial? AskWaiting() => Ask(createWhenNoneWaiting: false);

    private Trial? Ask(bool createWhenNoneWaiting)
    {
        // Serialized so that a relative proposal is persisted before the next trial is sampled (grids never repeat).
        lock (_askGate)
        {
            StudySnapshot before = Snapshot();
            FrozenTrial? taken = TakeWaitingTrial(before);
            if (taken is null && !createWhenNoneWaiting)
            {
                return null;
            }

            FrozenTrial trial = taken ?? CreateRunningTrial(before);
            try
            {
                StudySnapshot snapshot = Snapshot();
                IReadOnlyDictionary<string, Distribution> space = Sampler.InferRelativeSearchSpace(snapshot, trial);
                IReadOnlyDictionary<string, double> relative =
                    space.Count == 0 ? NoRelativeParams : Sampler.SampleRelative(snapshot, trial, space);
                ValidateRelative(space, relative);
                if (relative.Count > 0)
                {
                    var sorted = relative.ToImmutableSortedDictionary(StringComparer.Ordinal);
                    Storage.SetTrialAttribute(
                        trial.TrialId, AttributeScope.System, TrialSystemAttributes.RelativeParams, JsonSerializer.SerializeToElement(sorted));
                    trial = Storage.GetTrial(trial.TrialId);
                }

                return new Trial(this, trial, space, relative);
            }
            catch (Exception e)
            {
                FailIfRunning(trial.TrialId, $"Sampling failed: {e.Message}");
                throw;
            }
        }
    }

    /// <summary>Asks a trial and suggests every given distribution at once (Optuna's ask with fixed distributions).</summary>
    public Trial Ask(IReadOnlyDictionary<string, Distribution> distributions)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        Trial trial = Ask();
        foreach ((string name, Distribution distribution) in distributions)
        {
            trial.Suggest(name, distribution);
        }

        return trial;
    }

    /// <summary>Completes a single-objective trial.</summary>
    public FrozenTrial Tell(Trial trial, double value) => Tell(trial, TrialState.Complete, [value]);

    /// <summary>Completes a trial with one value per direction.</summary>
    public FrozenTrial Tell(Trial trial, IReadOnlyList<double> values) => Tell(trial, TrialState.Complete, values);

    /// <summary>
    /// Finishes a trial. Complete needs one value per direction (a NaN turns it into Fail); Pruned without values gets,
    /// for one objective, the mean over folds of the last reported step; Fail takes no values. Constraints given here
    /// win over the study's constraints function.
    /// </summary>
    public FrozenTrial Tell(Trial trial, TrialState state, IReadOnlyList<double>? values = null, IReadOnlyList<double>? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (!ReferenceEquals(trial.Study, this))
        {
            throw new ArgumentException($"Trial {trial.Number} belongs to study '{trial.Study.Name}', not to '{Name}'.", nameof(trial));
        }

        if (!state.IsFinished())
        {
            throw new ArgumentException($"Tell needs Complete, Pruned or Fail, got {state}.", nameof(state));
        }

        FrozenTrial current = Storage.GetTrial(trial.TrialId);
        if (current.State != TrialState.Running)
        {
            throw new InvalidOperationException($"Trial {trial.Number} is already {current.State}; it can be told only once.");
        }

        (state, values, string? failReason) = TellRules.Normalize(Name, Directions.Count, current, state, values);

        if (state != TrialState.Fail && constraints is null && _constraints is not null)
        {
            try
            {
                constraints = _constraints(current with { State = state, Values = values });
            }
            catch (Exception e)
            {
                FailIfRunning(trial.TrialId, $"The constraints function failed: {e.Message}");
                throw;
            }
        }

        if (constraints is not null && constraints.Any(double.IsNaN))
        {
            throw new ArgumentException($"Constraints of trial {trial.Number} contain NaN.", nameof(constraints));
        }

        if (failReason is not null)
        {
            Storage.SetTrialAttribute(trial.TrialId, AttributeScope.System, TrialSystemAttributes.FailReason, JsonSerializer.SerializeToElement(failReason));
        }

        if (!Storage.TrySetTrialState(trial.TrialId, TrialState.Running, state, values, constraints))
        {
            throw new InvalidOperationException($"Trial {trial.Number} was finished by another caller.");
        }

        return Storage.GetTrial(trial.TrialId);
    }

    /// <summary>
    /// Runs nTrials single-objective trials in turn. A <see cref="TrialPrunedException"/> prunes the trial; any other
    /// exception fails the trial and is rethrown; an exhausted grid ends the loop early.
    /// </summary>
    public void Optimize(Func<ITrial, double> objective, int nTrials)
    {
        ArgumentNullException.ThrowIfNull(objective);
        RunTrials(trial => [objective(trial)], nTrials);
    }

    /// <summary>Runs nTrials multi-objective trials in turn; same rules as the single-objective overload.</summary>
    public void Optimize(Func<ITrial, IReadOnlyList<double>> objective, int nTrials)
    {
        ArgumentNullException.ThrowIfNull(objective);
        RunTrials(objective, nTrials);
    }

    /// <summary>
    /// Queues a trial whose suggestions return these user-facing values (warm start); parameters it does not name are
    /// sampled. With skipIfExists, nothing is queued when a trial already has or is queued with these values.
    /// </summary>
    public void Enqueue(IReadOnlyDictionary<string, object?> parameters, bool skipIfExists = false)
    {
        JsonElement json = FixedParams.ToJson(parameters);
        if (skipIfExists && Trials.Any(t => FixedParams.Covers(t, parameters, json)))
        {
            return;
        }

        Storage.CreateTrial(Id, new FrozenTrial
        {
            State = TrialState.Waiting,
            SystemAttributes = new Dictionary<string, JsonElement> { [TrialSystemAttributes.FixedParams] = json },
        });
    }

    /// <summary>Imports a finished trial (e.g. a result from elsewhere); storage assigns its id and number.</summary>
    public FrozenTrial AddTrial(FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (!trial.State.IsFinished())
        {
            throw new ArgumentException($"Only finished trials can be added, got {trial.State}.", nameof(trial));
        }

        return Storage.CreateTrial(Id, trial);
    }

    /// <summary>Fails a running trial and records why (the viewer and exports show the reason).</summary>
    public FrozenTrial Fail(Trial trial, string reason)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        FailIfRunning(trial.TrialId, reason);
        return Storage.GetTrial(trial.TrialId);
    }

    internal void FailIfRunning(long trialId, string reason)
    {
        if (Storage.GetTrial(trialId).State is TrialState.Running)
        {
            Storage.SetTrialAttribute(trialId, AttributeScope.System, TrialSystemAttributes.FailReason, JsonSerializer.SerializeToElement(reason));
            Storage.TrySetTrialState(trialId, TrialState.Running, TrialState.Fail);
        }
    }

    private void RunTrials(Func<ITrial, IReadOnlyList<double>> objective, int nTrials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nTrials);
        for (int i = 0; i < nTrials; i++)
        {
            Trial trial;
            try
            {
                trial = Ask();
            }
            catch (SearchSpaceExhaustedException)
            {
                return;
            }

            try
            {
                Tell(trial, objective(trial));
            }
            catch (TrialPrunedException)
            {
                Tell(trial, TrialState.Pruned);
            }
            catch (Exception e)
            {
                FailIfRunning(trial.TrialId, $"{e.GetType().Name}: {e.Message}");
                throw;
            }
        }
    }

    private FrozenTrial? TakeWaitingTrial(StudySnapshot snapshot)
    {
        foreach (FrozenTrial waiting in snapshot.GetTrials(TrialState.Waiting))
        {
            if (Storage.TrySetTrialState(waiting.TrialId, TrialState.Waiting, TrialState.Running))
            {
                return Storage.GetTrial(waiting.TrialId);
            }
        }

        return null;
    }

    private FrozenTrial CreateRunningTrial(StudySnapshot snapshot)
    {
        if (Sampler is IExhaustibleSampler finite && finite.IsExhausted(snapshot))
        {
            throw new SearchSpaceExhaustedException($"The sampler of study '{Name}' has tried every point of its search space.");
        }

        return Storage.CreateTrial(Id);
    }

    private void ValidateRelative(IReadOnlyDictionary<string, Distribution> space, IReadOnlyDictionary<string, double> relative)
    {
        foreach ((string name, double value) in relative)
        {
            if (!space.TryGetValue(name, out Distribution? distribution) || !distribution.Contains(value))
            {
                throw new InvalidOperationException(
                    $"{Sampler.GetType().Name} proposed '{name}' = {value}, which is outside its relative search space.");
            }
        }
    }
}
