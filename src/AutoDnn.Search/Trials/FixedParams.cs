using System.Collections.Immutable;
using System.Text.Json;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Search.Trials;

/// <summary>Enqueued (warm-start) parameter values, persisted as the JSON system attribute <see cref="TrialSystemAttributes.FixedParams"/>.</summary>
internal static class FixedParams
{
    public static JsonElement ToJson(IReadOnlyDictionary<string, object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach ((string name, object? value) in parameters)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(parameters));
            if (value is not (null or string or bool or int or long or double or float or decimal))
            {
                throw new ArgumentException(
                    $"Enqueued '{name}' = {value} has type {value.GetType().Name}; use a number, string, bool or null.", nameof(parameters));
            }

            if (value is double d && !double.IsFinite(d))
            {
                throw new ArgumentException($"Enqueued '{name}' = {d} is not a finite number.", nameof(parameters));
            }
        }

        return JsonSerializer.SerializeToElement(parameters.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>True when the trial is queued with the same values, or already has every one of them as parameters.</summary>
    public static bool Covers(FrozenTrial trial, IReadOnlyDictionary<string, object?> parameters, JsonElement json)
    {
        if (trial.SystemAttributes.TryGetValue(TrialSystemAttributes.FixedParams, out JsonElement queued)
            && queued.GetRawText() == json.GetRawText())
        {
            return true;
        }

        IReadOnlyDictionary<string, object?> own = trial.Params;
        return parameters.All(p => own.TryGetValue(p.Key, out object? v) && CategoricalChoice.Equals(v, Normalize(p.Value)));
    }

    /// <summary>The enqueued value of name in internal form; throws ArgumentException when it is outside the distribution.</summary>
    public static bool TryGetInternal(FrozenTrial trial, string name, Distribution distribution, out double value)
    {
        value = 0;
        if (!trial.SystemAttributes.TryGetValue(TrialSystemAttributes.FixedParams, out JsonElement queued)
            || queued.ValueKind != JsonValueKind.Object
            || !queued.TryGetProperty(name, out JsonElement element))
        {
            return false;
        }

        object? external = element.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => element.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when element.GetRawText().AsSpan().IndexOfAny(".eE") < 0 && element.TryGetInt64(out long l) => l,
            JsonValueKind.Number => element.GetDouble(),
            _ => throw new ArgumentException($"Enqueued value of '{name}' is {element.ValueKind}, not a plain value.", nameof(name)),
        };
        try
        {
            value = distribution.ToInternal(external);
            return true;
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"Enqueued value {CategoricalChoice.Format(external)} of '{name}' does not fit the suggested {distribution}: {e.Message}",
                name,
                e);
        }
    }

    private static object? Normalize(object? value) => value switch
    {
        float f => (double)f,
        decimal m => (double)m,
        _ => value,
    };
}
