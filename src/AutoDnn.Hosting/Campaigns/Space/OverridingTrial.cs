using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Campaigns.Spec;

namespace AutoDnn.Hosting.Campaigns.Space;

/// <summary>An <see cref="ITrial"/> that applies a campaign's space overrides: a suggestion of an overridden name asks the inner trial with the overridden domain.</summary>
/// <remarks>
/// A fixed value becomes a single-value domain of the kind the plugin asked for; a range keeps the plugin's kind, and its
/// log/step unless given; choices and add_choices become a categorical whose values are converted to the type the plugin
/// expects. An override that does not fit throws <see cref="SpaceOverrideException"/>. Names without an override pass through.
/// </remarks>
public sealed class OverridingTrial : ITrial
{
    private readonly Dictionary<string, SpaceOverride> _overrides;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly List<string> _suggested = [];

    /// <summary>Wraps a trial; override names must be unique.</summary>
    public OverridingTrial(ITrial inner, IEnumerable<SpaceOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(overrides);
        Inner = inner;
        _overrides = new Dictionary<string, SpaceOverride>(StringComparer.Ordinal);
        foreach (SpaceOverride o in overrides)
        {
            if (!_overrides.TryAdd(o.Name, o))
            {
                throw new ArgumentException($"Two overrides are named '{o.Name}'.", nameof(overrides));
            }
        }

        Overrides = [.. _overrides.Values];
    }

    /// <summary>The wrapped trial.</summary>
    public ITrial Inner { get; }

    /// <summary>Every override, in the order given.</summary>
    public IReadOnlyList<SpaceOverride> Overrides { get; }

    /// <summary>The overrides whose name no plugin has suggested through this trial so far.</summary>
    public IReadOnlyList<SpaceOverride> UnusedOverrides => [.. Overrides.Where(o => !_used.Contains(o.Name))];

    /// <summary>Every name suggested through this trial, in first-suggestion order.</summary>
    public IReadOnlyList<string> SuggestedNames => _suggested;

    public int Number => Inner.Number;

    public IReadOnlyDictionary<string, object?> Params => Inner.Params;

    public IReadOnlyDictionary<string, JsonElement> UserAttributes => Inner.UserAttributes;

    /// <summary>The unused overrides as campaign errors at their positions, each with the closest suggested name.</summary>
    public IReadOnlyList<CampaignError> UnusedOverrideErrors() =>
    [
        .. UnusedOverrides.Select(o => new CampaignError(o.Position, o.Path, _suggested.Count == 0
            ? "no plugin suggests a hyperparameter of this name (none suggests any); remove the override instead"
            : $"no plugin suggests a hyperparameter of this name; {Suggestions.WriteInstead(o.Name, _suggested, "names")}")),
    ];

    public double SuggestFloat(string name, double low, double high, bool log = false, double? step = null)
    {
        if (Take(name) is not { } o)
        {
            return Inner.SuggestFloat(name, low, high, log, step);
        }

        var asked = new FloatDistribution(low, high, log, step);
        return Convert.ToDouble(Inner.Suggest(name, OverrideRules.Apply(o, asked)), System.Globalization.CultureInfo.InvariantCulture);
    }

    public int SuggestInt(string name, int low, int high, bool log = false, int step = 1)
    {
        if (Take(name) is not { } o)
        {
            return Inner.SuggestInt(name, low, high, log, step);
        }

        var asked = new IntDistribution(low, high, log, step);
        return Convert.ToInt32(Inner.Suggest(name, OverrideRules.Apply(o, asked)), System.Globalization.CultureInfo.InvariantCulture);
    }

    public T SuggestCategorical<T>(string name, IReadOnlyList<T> choices)
    {
        if (Take(name) is not { } o)
        {
            return Inner.SuggestCategorical(name, choices);
        }

        ArgumentNullException.ThrowIfNull(choices);
        var asked = new CategoricalDistribution([.. choices.Cast<object?>()]);
        return (T)Inner.Suggest(name, OverrideRules.Apply(o, asked, typeof(T)))!;
    }

    public object? Suggest(string name, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return Take(name) is { } o ? Inner.Suggest(name, OverrideRules.Apply(o, distribution)) : Inner.Suggest(name, distribution);
    }

    public void Report(double value, int step, int fold = 0) => Inner.Report(value, step, fold);

    public bool ShouldPrune() => Inner.ShouldPrune();

    public void SetUserAttribute<T>(string key, T value) => Inner.SetUserAttribute(key, value);

    private SpaceOverride? Take(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_suggested.Contains(name))
        {
            _suggested.Add(name);
        }

        if (_overrides.TryGetValue(name, out SpaceOverride? o))
        {
            _used.Add(name);
            return o;
        }

        return null;
    }
}
