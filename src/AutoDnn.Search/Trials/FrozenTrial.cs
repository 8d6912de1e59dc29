using System.Collections.Immutable;
using System.Text.Json;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Search.Trials;

/// <summary>An immutable snapshot of one trial as stored; the only view of trials that samplers and pruners get.</summary>
/// <remarks>
/// Collections are copied into immutable, ordinally sorted ones on init, so iteration order is the same in every
/// process (samplers stay reproducible) and nobody can change a snapshot after the fact. Storage implementations
/// build new snapshots with <c>with</c>.
/// </remarks>
public sealed record FrozenTrial
{
    private static readonly ImmutableSortedDictionary<string, double> EmptyInternal =
        ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal);

    private static readonly ImmutableSortedDictionary<string, Distribution> EmptyDistributions =
        ImmutableSortedDictionary.Create<string, Distribution>(StringComparer.Ordinal);

    private static readonly ImmutableSortedDictionary<string, JsonElement> EmptyAttributes =
        ImmutableSortedDictionary.Create<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Storage-wide identity of the trial.</summary>
    public long TrialId { get; init; }

    /// <summary>0-based number of the trial in its study, in creation order.</summary>
    public int Number { get; init; }

    public TrialState State { get; init; }

    /// <summary>Objective values, one per study direction; null until the trial is told (and for failed trials).</summary>
    public IReadOnlyList<double>? Values
    {
        get;
        init => field = value is null ? null : ImmutableArray.CreateRange(value);
    }

    /// <summary>Parameters in the internal representation (see <see cref="Distribution"/>), by name.</summary>
    public IReadOnlyDictionary<string, double> InternalParams
    {
        get;
        init => field = ToSorted(value);
    } = EmptyInternal;

    /// <summary>The distribution each parameter was suggested from; same keys as <see cref="InternalParams"/>.</summary>
    public IReadOnlyDictionary<string, Distribution> Distributions
    {
        get;
        init => field = ToSorted(value);
    } = EmptyDistributions;

    /// <summary>Intermediate values by (fold, step), enumerated in fold, then step order.</summary>
    public IReadOnlyDictionary<IntermediateKey, double> IntermediateValues
    {
        get;
        init => field = value as ImmutableSortedDictionary<IntermediateKey, double>
            ?? (value ?? throw new ArgumentNullException(nameof(IntermediateValues))).ToImmutableSortedDictionary();
    } = ImmutableSortedDictionary<IntermediateKey, double>.Empty;

    /// <summary>Constraint values: the trial is feasible when all are ≤ 0; null when no constraints were evaluated.</summary>
    public IReadOnlyList<double>? Constraints
    {
        get;
        init => field = value is null ? null : ImmutableArray.CreateRange(value);
    }

    public IReadOnlyDictionary<string, JsonElement> UserAttributes
    {
        get;
        init => field = ToSorted(value);
    } = EmptyAttributes;

    /// <summary>Attributes written by the engine and samplers (see <see cref="TrialSystemAttributes"/>).</summary>
    public IReadOnlyDictionary<string, JsonElement> SystemAttributes
    {
        get;
        init => field = ToSorted(value);
    } = EmptyAttributes;

    /// <summary>When the trial started running; null while waiting.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the trial reached a final state.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The single objective value; null when not told; throws for multi-objective trials.</summary>
    public double? Value => Values switch
    {
        null => null,
        { Count: 1 } v => v[0],
        _ => throw new InvalidOperationException(
            $"Trial {Number} has {Values.Count} objective values; use Values for multi-objective studies."),
    };

    /// <summary>Parameters as user-facing values (double, int, or the categorical choice), by name.</summary>
    public IReadOnlyDictionary<string, object?> Params =>
        InternalParams.ToImmutableSortedDictionary(p => p.Key, p => Distributions[p.Key].ToExternal(p.Value), StringComparer.Ordinal);

    /// <summary>True when no constraint is violated (no constraints counts as feasible).</summary>
    public bool IsFeasible => Constraints is null || Constraints.All(c => c <= 0);

    /// <summary>The largest step reported in any fold, or null when nothing was reported.</summary>
    public int? LastStep => IntermediateValues.Count == 0 ? null : IntermediateValues.Keys.Max(k => k.Step);

    /// <summary>The folds that reported at least one value, ascending.</summary>
    public IReadOnlyList<int> Folds => IntermediateValues.Keys.Select(k => k.Fold).Distinct().ToImmutableArray();

    /// <summary>The learning curve of one fold: (step, value) in step order.</summary>
    public IReadOnlyList<KeyValuePair<int, double>> Curve(int fold = 0) =>
        IntermediateValues.Where(p => p.Key.Fold == fold).Select(p => KeyValuePair.Create(p.Key.Step, p.Value)).ToImmutableArray();

    /// <summary>The value reported at (fold, step), if any.</summary>
    public bool TryGetIntermediate(int step, int fold, out double value) =>
        IntermediateValues.TryGetValue(new IntermediateKey(fold, step), out value);

    /// <summary>A parameter's user-facing value converted to T (e.g. <c>GetParam&lt;int&gt;("layers")</c>).</summary>
    public T GetParam<T>(string name) =>
        Distributions.TryGetValue(name, out Distribution? d)
            ? (T)d.ToExternal(InternalParams[name])!
            : throw new KeyNotFoundException($"Trial {Number} has no parameter '{name}'.");

    private static ImmutableSortedDictionary<string, TValue> ToSorted<TValue>(IReadOnlyDictionary<string, TValue>? value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value is ImmutableSortedDictionary<string, TValue> sorted && ReferenceEquals(sorted.KeyComparer, StringComparer.Ordinal)
            ? sorted
            : value.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }
}
