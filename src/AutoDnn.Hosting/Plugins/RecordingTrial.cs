using System.Text.Json;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Hosting.Plugins;

/// <summary>
/// A dry-run <see cref="ITrial"/> that records every suggestion and answers with a default: the midpoint of a range (the
/// geometric midpoint when log, snapped to the step grid) or the first categorical choice.
/// </summary>
/// <remarks>Running a plugin's define-by-run code on it traces the search space the plugin declares (the branch the
/// defaults take, for conditional parameters).</remarks>
public sealed class RecordingTrial : ITrial
{
    private readonly List<TracedParameter> _traced = [];
    private readonly Dictionary<string, object?> _params = [];
    private readonly Dictionary<string, JsonElement> _userAttributes = [];

    /// <summary>The suggestions in the order they were made (each name once).</summary>
    public IReadOnlyList<TracedParameter> Traced => _traced;

    public int Number => 0;

    public IReadOnlyDictionary<string, object?> Params => _params;

    public IReadOnlyDictionary<string, JsonElement> UserAttributes => _userAttributes;

    public double SuggestFloat(string name, double low, double high, bool log = false, double? step = null) =>
        (double)Suggest(name, new FloatDistribution(low, high, log, step))!;

    public int SuggestInt(string name, int low, int high, bool log = false, int step = 1) =>
        (int)Suggest(name, new IntDistribution(low, high, log, step))!;

    public T SuggestCategorical<T>(string name, IReadOnlyList<T> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        object? value = Suggest(name, new CategoricalDistribution([.. choices.Cast<object?>()]));
        return (T)value!;
    }

    public object? Suggest(string name, Distribution distribution)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(distribution);
        if (_params.TryGetValue(name, out object? existing))
        {
            return existing;
        }

        object? value = distribution.ToExternal(DefaultInternal(distribution));
        _params[name] = value;
        _traced.Add(new TracedParameter(name, distribution, value));
        return value;
    }

    /// <summary>A dry run has no pruner and records no values.</summary>
    public void Report(double value, int step, int fold = 0)
    {
    }

    public bool ShouldPrune() => false;

    public void SetUserAttribute<T>(string key, T value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _userAttributes[key] = JsonSerializer.SerializeToElement(value);
    }

    /// <summary>The default a dry run answers with, as an internal value.</summary>
    public static double DefaultInternal(Distribution distribution) => distribution switch
    {
        FloatDistribution f => f.Nearest(f.Log ? Math.Sqrt(f.Low * f.High) : (f.Low + f.High) / 2),
        IntDistribution i => i.Nearest(i.Log ? Math.Sqrt((double)i.Low * i.High) : ((double)i.Low + i.High) / 2),
        CategoricalDistribution => 0,
        _ => throw new ArgumentException($"Unknown distribution type {distribution.GetType().Name}.", nameof(distribution)),
    };
}
