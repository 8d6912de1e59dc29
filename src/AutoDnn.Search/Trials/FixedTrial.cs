using System.Collections.Immutable;
using System.Text.Json;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Search.Trials;

/// <summary>
/// A trial whose suggestions come from a fixed parameter set, like Optuna's <c>FixedTrial</c>: used to retrain a finished
/// trial's configuration (its <see cref="FrozenTrial.Params"/>) or to rebuild a saved model from its parameters.
/// </summary>
/// <remarks>
/// Each suggestion returns the stored value after checking that it lies in the requested distribution; a missing name or
/// a value outside the distribution throws <see cref="ArgumentException"/> naming both. With <c>acceptOutside</c> (a saved
/// model rebuilt from its parameters, which a campaign's space overrides may have put outside the plugin's own ranges)
/// a value of the right kind outside the distribution is accepted, as the campaign's widened distribution accepted it. Reports and user attributes are
/// kept in memory only, and <see cref="ShouldPrune"/> is always false. Used by one thread.
/// </remarks>
public sealed class FixedTrial : ITrial
{
    private readonly ImmutableSortedDictionary<string, object?> _fixed;
    private readonly SortedDictionary<string, object?> _suggested = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Distribution> _distributions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, JsonElement> _attributes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<IntermediateKey, double> _reports = new();
    private readonly bool _acceptOutside;

    /// <summary>A trial that answers every suggestion from <paramref name="parameters"/> (name → user-facing value).</summary>
    /// <param name="parameters">Name → user-facing value.</param>
    /// <param name="number">The trial number it reports.</param>
    /// <param name="acceptOutside">Accept a value of the right kind that lies outside the requested distribution.</param>
    public FixedTrial(IReadOnlyDictionary<string, object?> parameters, int number = 0, bool acceptOutside = false)
    {
        _acceptOutside = acceptOutside;
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        foreach (string name in parameters.Keys)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(parameters));
        }

        _fixed = parameters.ToImmutableSortedDictionary(StringComparer.Ordinal);
        Number = number;
    }

    /// <summary>A trial that replays the parameters of a finished (or any) trial, keeping its number.</summary>
    public FixedTrial(FrozenTrial trial)
        : this((trial ?? throw new ArgumentNullException(nameof(trial))).Params, trial.Number)
    {
    }

    /// <inheritdoc />
    public int Number { get; }

    /// <summary>The parameters suggested so far (not every fixed value: only those the objective asked for).</summary>
    public IReadOnlyDictionary<string, object?> Params => _suggested;

    /// <summary>The distribution each suggested parameter was asked with.</summary>
    public IReadOnlyDictionary<string, Distribution> Distributions => _distributions;

    /// <summary>Every fixed value the trial was built with.</summary>
    public IReadOnlyDictionary<string, object?> FixedParams => _fixed;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, JsonElement> UserAttributes => _attributes;

    /// <summary>The values reported so far by (fold, step).</summary>
    public IReadOnlyDictionary<IntermediateKey, double> IntermediateValues => _reports;

    /// <summary>Reads a parameter object written as JSON (name → string, number, bool or null), e.g. from a model manifest.</summary>
    public static FixedTrial FromJson(JsonElement parameters, int number = 0, bool acceptOutside = false)
    {
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"fixed parameters must be a JSON object of name → value, got {parameters.ValueKind}", nameof(parameters));
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (JsonProperty p in parameters.EnumerateObject())
        {
            values[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number when p.Value.GetRawText().AsSpan().IndexOfAny(".eE") < 0 && p.Value.TryGetInt64(out long l) => l,
                JsonValueKind.Number => p.Value.GetDouble(),
                _ => throw new ArgumentException($"fixed parameter '{p.Name}' is a JSON {p.Value.ValueKind}, not a plain value", nameof(parameters)),
            };
        }

        return new FixedTrial(values, number, acceptOutside);
    }

    /// <inheritdoc />
    public double SuggestFloat(string name, double low, double high, bool log = false, double? step = null) =>
        (double)Suggest(name, Create(name, () => new FloatDistribution(low, high, log, step)))!;

    /// <inheritdoc />
    public int SuggestInt(string name, int low, int high, bool log = false, int step = 1) =>
        (int)Suggest(name, Create(name, () => new IntDistribution(low, high, log, step)))!;

    /// <inheritdoc />
    public T SuggestCategorical<T>(string name, IReadOnlyList<T> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return (T)Suggest(name, Create(name, () => new CategoricalDistribution(choices.Select(c => (object?)c).ToArray())))!;
    }

    /// <inheritdoc />
    public object? Suggest(string name, Distribution distribution)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(distribution);
        if (_distributions.TryGetValue(name, out Distribution? existing) && !existing.IsCompatibleWith(distribution))
        {
            throw new ArgumentException(
                $"Hyperparameter '{name}' was already suggested as {existing} in fixed trial {Number}; {distribution} is not compatible.", name);
        }

        if (!_fixed.TryGetValue(name, out object? stored))
        {
            string known = _fixed.Count == 0 ? "none" : string.Join(", ", _fixed.Keys);
            throw new ArgumentException(
                $"Fixed trial {Number} has no value for hyperparameter '{name}' (suggested as {distribution}); its parameters are: {known}.", name);
        }

        double internalValue;
        try
        {
            internalValue = distribution.ToInternal(stored);
        }
        catch (ArgumentException) when (_acceptOutside && Widen(distribution, stored) is { } widened)
        {
            distribution = widened;
            internalValue = distribution.ToInternal(stored);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"Fixed trial {Number}: the value {CategoricalChoice.Format(stored)} of hyperparameter '{name}' does not lie in the suggested {distribution}: {e.Message}",
                name,
                e);
        }

        object? external = distribution.ToExternal(internalValue);
        _distributions[name] = distribution;
        _suggested[name] = external;
        return external;
    }

    /// <inheritdoc />
    public void Report(double value, int step, int fold = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfNegative(fold);
        if (!_reports.TryAdd(new IntermediateKey(fold, step), value))
        {
            throw new InvalidOperationException($"Fixed trial {Number} already reported a value at step {step} of fold {fold}.");
        }
    }

    /// <summary>Always false: a fixed trial is never pruned.</summary>
    public bool ShouldPrune() => false;

    /// <inheritdoc />
    public void SetUserAttribute<T>(string key, T value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _attributes[key] = JsonSerializer.SerializeToElement(value);
    }

    /// <summary>The smallest change of <paramref name="distribution"/> that holds <paramref name="value"/>: a range
    /// stretched to it (log kept where the value is positive, step dropped where it does not fit), or one more choice;
    /// null when the value is of the wrong kind.</summary>
    private static Distribution? Widen(Distribution distribution, object? value)
    {
        switch (distribution)
        {
            case IntDistribution i when value is int or long or short or byte:
                long v = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                if (v is < int.MinValue or > int.MaxValue) return null;
                int low = (int)Math.Min(i.Low, v), high = (int)Math.Max(i.High, v);
                int step = (v - i.Low) % i.Step == 0 && (high - low) % i.Step == 0 ? i.Step : 1;
                return new IntDistribution(low, high, i.Log && low > 0, step);
            case FloatDistribution f when value is double or float or int or long:
                double x = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                if (!double.IsFinite(x)) return null;
                double flow = Math.Min(f.Low, x), fhigh = Math.Max(f.High, x);
                return new FloatDistribution(flow, fhigh, f.Log && flow > 0, null);
            case CategoricalDistribution c:
                // JSON gives whole numbers as long: store the new choice as the type of the plugin's own choices.
                object? sample = c.Choices.FirstOrDefault(choice => choice is not null);
                object? added = value;
                if (sample is not null && value is not null && sample.GetType() != value.GetType())
                {
                    try
                    {
                        added = Convert.ChangeType(value, sample.GetType(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                    catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
                    {
                        return null;
                    }
                }

                return new CategoricalDistribution([.. c.Choices, added]);
            default:
                return null;
        }
    }

    private static Distribution Create(string name, Func<Distribution> create)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Hyperparameter '{name}': {e.Message}", name, e);
        }
    }
}
