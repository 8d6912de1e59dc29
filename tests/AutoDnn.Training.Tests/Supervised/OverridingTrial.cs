using System.Text.Json;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Training.Tests.Supervised;

/// <summary>What a campaign's fixed float overrides do: the named parameters get a single-valued distribution (stored as
/// such in the study, even outside the range the code asks for); everything else goes to the inner trial.</summary>
internal sealed class OverridingTrial(ITrial inner, IReadOnlyDictionary<string, double> overrides) : ITrial
{
    public int Number => inner.Number;

    public IReadOnlyDictionary<string, object?> Params => inner.Params;

    public IReadOnlyDictionary<string, JsonElement> UserAttributes => inner.UserAttributes;

    public double SuggestFloat(string name, double low, double high, bool log = false, double? step = null) =>
        overrides.TryGetValue(name, out double v) ? (double)inner.Suggest(name, new FloatDistribution(v, v))! : inner.SuggestFloat(name, low, high, log, step);

    public int SuggestInt(string name, int low, int high, bool log = false, int step = 1) => inner.SuggestInt(name, low, high, log, step);

    public T SuggestCategorical<T>(string name, IReadOnlyList<T> choices) => inner.SuggestCategorical(name, choices);

    public object? Suggest(string name, Distribution distribution) => inner.Suggest(name, distribution);

    public void Report(double value, int step, int fold = 0) => inner.Report(value, step, fold);

    public bool ShouldPrune() => inner.ShouldPrune();

    public void SetUserAttribute<T>(string key, T value) => inner.SetUserAttribute(key, value);
}
