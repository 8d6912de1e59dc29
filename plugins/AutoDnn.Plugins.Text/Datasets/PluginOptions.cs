using System.Globalization;

namespace AutoDnn.Plugins.Text.Datasets;

/// <summary>A dataset's string options, checked once: unknown keys and malformed values give one error naming the
/// plugin, the option and the value.</summary>
internal sealed class PluginOptions
{
    private readonly string plugin;
    private readonly IReadOnlyDictionary<string, string> values;

    public PluginOptions(string plugin, IReadOnlyDictionary<string, string> values, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.plugin = plugin;
        this.values = values;
        foreach (string key in values.Keys)
            if (!known.Contains(key))
                throw new ArgumentException($"{plugin}: unknown option '{key}' (known: {string.Join(", ", known)})", nameof(values));
    }

    public bool Has(string key) => values.ContainsKey(key);

    public string String(string key, string fallback) => values.TryGetValue(key, out string? v) ? v : fallback;

    public string? OptionalString(string key) => values.TryGetValue(key, out string? v) && v.Length > 0 ? v : null;

    public int Int(string key, int fallback, int min, int max = int.MaxValue)
    {
        if (!values.TryGetValue(key, out string? text)) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            throw Bad(key, text, "is not an integer");
        if (value < min || value > max)
            throw Bad(key, text, max == int.MaxValue ? $"must be at least {min}" : $"must lie in [{min}, {max}]");
        return value;
    }

    public double Double(string key, double fallback, double min, double maxExclusive)
    {
        if (!values.TryGetValue(key, out string? text)) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw Bad(key, text, "is not a number");
        if (value < min || value >= maxExclusive) throw Bad(key, text, $"must lie in [{min}, {maxExclusive})");
        return value;
    }

    public bool Bool(string key, bool fallback)
    {
        if (!values.TryGetValue(key, out string? text)) return fallback;
        return text.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => throw Bad(key, text, "is not a boolean (true/false)"),
        };
    }

    public ArgumentException Bad(string key, string text, string why) =>
        new($"{plugin}: option {key} = '{text}' {why}", key);
}
