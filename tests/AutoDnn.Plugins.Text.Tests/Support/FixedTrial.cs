using System.Text.Json;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Plugins.Text.Tests.Support;

/// <summary>A trial answering from fixed values (by name), else with the low end of a range or the first choice.</summary>
internal sealed class FixedTrial(IReadOnlyDictionary<string, object?>? values = null) : ITrial
{
    private readonly Dictionary<string, object?> suggested = new();
    private readonly IReadOnlyDictionary<string, object?> values = values ?? new Dictionary<string, object?>();

    public int Number => 0;

    public IReadOnlyDictionary<string, object?> Params => suggested;

    public IReadOnlyDictionary<string, JsonElement> UserAttributes { get; } = new Dictionary<string, JsonElement>();

    public List<(string Name, Distribution Distribution)> Suggestions { get; } = [];

    public double SuggestFloat(string name, double low, double high, bool log = false, double? step = null) =>
        (double)Suggest(name, new FloatDistribution(low, high, log, step))!;

    public int SuggestInt(string name, int low, int high, bool log = false, int step = 1) =>
        (int)Suggest(name, new IntDistribution(low, high, log, step))!;

    public T SuggestCategorical<T>(string name, IReadOnlyList<T> choices) =>
        (T)Suggest(name, new CategoricalDistribution([.. choices.Cast<object?>()]))!;

    public object? Suggest(string name, Distribution distribution)
    {
        Suggestions.Add((name, distribution));
        object? value = values.TryGetValue(name, out object? v) ? v : distribution switch
        {
            FloatDistribution f => f.Low,
            IntDistribution i => i.Low,
            CategoricalDistribution c => c.Choices[0],
            _ => throw new NotSupportedException(distribution.GetType().Name),
        };
        suggested[name] = value;
        return value;
    }

    public void Report(double value, int step, int fold = 0)
    {
    }

    public bool ShouldPrune() => false;

    public void SetUserAttribute<T>(string key, T value)
    {
    }
}
