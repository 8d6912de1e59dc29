using System.Collections.Immutable;
using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers;

/// <summary>Full-factorial search: each trial takes the first grid point no other trial of the study has taken.</summary>
/// <remarks>
/// Which points are taken is read from storage only: a trial takes a point through its parameters (when it suggested
/// every grid parameter with grid values) or else through its persisted relative proposal. Within one process, Ask is
/// serialized so no point repeats; workers in separate processes that ask at the same instant may both get the last
/// read point. Failed and pruned trials keep their point (as in Optuna). When every point is taken, Ask throws
/// <see cref="SearchSpaceExhaustedException"/> and Optimize stops.
/// </remarks>
public sealed class GridSampler : ISampler, IExhaustibleSampler
{
    /// <summary>Most values one parameter may contribute when its grid is derived from a distribution.</summary>
    public const int MaxValuesPerParameter = 100_000;

    private readonly ImmutableArray<string> _names;
    private readonly ImmutableSortedDictionary<string, Distribution> _space;
    private readonly ImmutableArray<long> _strides;

    /// <summary>A grid given as explicit user-facing values per parameter (doubles, ints, strings, bools, null).</summary>
    public GridSampler(IReadOnlyDictionary<string, IReadOnlyList<object?>> grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Count == 0)
        {
            throw new ArgumentException("The grid needs at least one parameter.", nameof(grid));
        }

        var space = ImmutableSortedDictionary.CreateBuilder<string, Distribution>(StringComparer.Ordinal);
        foreach ((string name, IReadOnlyList<object?> values) in grid)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(grid));
            try
            {
                space.Add(name, new CategoricalDistribution(values ?? throw new ArgumentException("values must not be null.", nameof(grid))));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Grid values of '{name}': {e.Message}", nameof(grid), e);
            }
        }

        _space = space.ToImmutable();
        _names = [.. _space.Keys];
        var strides = new long[_names.Length];
        long size = 1;
        for (int i = _names.Length - 1; i >= 0; i--)
        {
            strides[i] = size;
            try
            {
                size = checked(size * Choices(_names[i]).Count);
            }
            catch (OverflowException e)
            {
                throw new ArgumentException("The grid has more than 2^63 points.", nameof(grid), e);
            }
        }

        _strides = [.. strides];
        Size = size;
    }

    /// <summary>Number of grid points (the product of the value counts).</summary>
    public long Size { get; }

    /// <summary>The grid values of each parameter, by name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<object?>> Grid =>
        _space.ToImmutableSortedDictionary(p => p.Key, p => Choices(p.Key), StringComparer.Ordinal);

    /// <summary>A grid with every value of each distribution: ints, categoricals, stepped or single-valued floats.</summary>
    public static GridSampler FromSearchSpace(IReadOnlyDictionary<string, Distribution> space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var grid = new Dictionary<string, IReadOnlyList<object?>>(StringComparer.Ordinal);
        foreach ((string name, Distribution distribution) in space)
        {
            grid[name] = distribution switch
            {
                CategoricalDistribution c => c.Choices,
                FloatDistribution { IsSingle: true } f => [f.Low],
                FloatDistribution { GridCount: { } n } f => Enumerate(name, n, i => f.GridValue(i)),
                FloatDistribution => throw new ArgumentException(
                    $"'{name}' is a continuous float: give it a step, or list its grid values explicitly.", nameof(space)),
                IntDistribution i => Enumerate(name, i.Count, k => i.ValueAt(k)),
                _ => throw new ArgumentException($"'{name}' has unknown distribution type {distribution.GetType().Name}.", nameof(space)),
            };
        }

        return new GridSampler(grid);
    }

    /// <inheritdoc />
    public bool IsExhausted(StudySnapshot study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return TakenPoints(study, exceptNumber: -1).Count >= Size;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Distribution> InferRelativeSearchSpace(StudySnapshot study, FrozenTrial trial) => _space;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> SampleRelative(
        StudySnapshot study,
        FrozenTrial trial,
        IReadOnlyDictionary<string, Distribution> searchSpace)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        HashSet<long> taken = TakenPoints(study, trial.Number);
        long point = 0;
        while (taken.Contains(point))
        {
            point++;
        }

        if (point >= Size)
        {
            throw new SearchSpaceExhaustedException(
                $"All {Size} grid points of study '{study.Name}' are taken; trial {trial.Number} has none left.");
        }

        var proposal = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < _names.Length; i++)
        {
            proposal[_names[i]] = point / _strides[i] % Choices(_names[i]).Count;
        }

        return proposal;
    }

    /// <inheritdoc />
    public double SampleIndependent(StudySnapshot study, FrozenTrial trial, string name, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(distribution);
        if (!_space.ContainsKey(name))
        {
            throw new InvalidOperationException(
                $"Parameter '{name}' is not in the grid (grid parameters: {string.Join(", ", _names)}).");
        }

        if (ReadProposal(trial) is not { } proposal)
        {
            throw new InvalidOperationException($"Trial {trial.Number} has no grid point; ask trials through a Study.");
        }

        if (!proposal.TryGetValue(name, out double index) || !_space[name].Contains(index))
        {
            throw new InvalidOperationException($"Trial {trial.Number} has no grid value for '{name}' in its proposal.");
        }

        object? value = Choices(name)[(int)index];
        try
        {
            return distribution.ToInternal(value);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"Grid value {CategoricalChoice.Format(value)} of '{name}' does not fit the suggested {distribution}: {e.Message}",
                nameof(distribution),
                e);
        }
    }

    private static IReadOnlyList<object?> Enumerate(string name, long count, Func<long, object> valueAt)
    {
        if (count > MaxValuesPerParameter)
        {
            throw new ArgumentException(
                $"'{name}' would put {count} values in the grid (at most {MaxValuesPerParameter}); list its grid values explicitly.",
                nameof(name));
        }

        var values = new object?[count];
        for (long i = 0; i < count; i++)
        {
            values[i] = valueAt(i);
        }

        return values;
    }

    private IReadOnlyList<object?> Choices(string name) => ((CategoricalDistribution)_space[name]).Choices;

    private HashSet<long> TakenPoints(StudySnapshot study, int exceptNumber)
    {
        var taken = new HashSet<long>();
        foreach (FrozenTrial other in study.Trials)
        {
            if (other.Number != exceptNumber && PointOf(other) is { } point)
            {
                taken.Add(point);
            }
        }

        return taken;
    }

    private long? PointOf(FrozenTrial trial)
    {
        long point = 0;
        bool fromParams = true;
        IReadOnlyDictionary<string, object?> parameters = trial.Params;
        for (int i = 0; i < _names.Length && fromParams; i++)
        {
            int index = parameters.TryGetValue(_names[i], out object? value) ? IndexOf(_names[i], value) : -1;
            fromParams = index >= 0;
            point += index * _strides[i];
        }

        if (fromParams)
        {
            return point;
        }

        if (ReadProposal(trial) is not { } proposal)
        {
            return null;
        }

        point = 0;
        for (int i = 0; i < _names.Length; i++)
        {
            if (!proposal.TryGetValue(_names[i], out double index) || !_space[_names[i]].Contains(index))
            {
                return null;
            }

            point += (long)index * _strides[i];
        }

        return point;
    }

    private int IndexOf(string name, object? value)
    {
        IReadOnlyList<object?> choices = Choices(name);
        for (int i = 0; i < choices.Count; i++)
        {
            if (CategoricalChoice.Equals(choices[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    private static Dictionary<string, double>? ReadProposal(FrozenTrial trial)
    {
        if (!trial.SystemAttributes.TryGetValue(TrialSystemAttributes.RelativeParams, out JsonElement json)
            || json.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var proposal = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (JsonProperty property in json.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                proposal[property.Name] = property.Value.GetDouble();
            }
        }

        return proposal;
    }
}
