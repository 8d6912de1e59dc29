using System.Globalization;

namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>A dataset's string options from a campaign file: unknown keys and malformed values are one clear error each.</summary>
internal sealed class DatasetOptions
{
    private readonly string dataset;
    private readonly IReadOnlyDictionary<string, string> values;

    public DatasetOptions(string dataset, IReadOnlyDictionary<string, string> options, params string[] known)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.dataset = dataset;
        values = options;
        string[] unknown = options.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException(
                $"{dataset}: unknown option{(unknown.Length > 1 ? "s" : "")} {string.Join(", ", unknown.Select(k => $"'{k}'"))}; known options: {string.Join(", ", known)}",
                nameof(options));
    }

    public string? String(string key) => values.TryGetValue(key, out string? v) ? v : null;

    /// <summary>A non-empty string, or the default when absent.</summary>
    public string Path(string key, string fallback) => String(key) is { } v
        ? (v.Trim().Length > 0 ? v : throw Invalid(key, v, "an empty path"))
        : fallback;

    public string RequiredPath(string key) => String(key) is { } v
        ? (v.Trim().Length > 0 ? v : throw Invalid(key, v, "an empty path"))
        : throw new ArgumentException($"{dataset}: option '{key}' is required");

    public int? Int(string key, int min, int max)
    {
        if (String(key) is not { } v) return null;
        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)) throw Invalid(key, v, "not a whole number");
        if (n < min || n > max) throw Invalid(key, v, $"outside {min}..{max}");
        return n;
    }

    public double Double(string key, double fallback, double min, double maxExclusive)
    {
        if (String(key) is not { } v) return fallback;
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d)) throw Invalid(key, v, "not a number");
        if (d < min || d >= maxExclusive) throw Invalid(key, v, $"outside [{min.ToString(CultureInfo.InvariantCulture)}, {maxExclusive.ToString(CultureInfo.InvariantCulture)})");
        return d;
    }

    /// <summary>A comma-separated list of non-empty, distinct names, or null when absent.</summary>
    public IReadOnlyList<string>? Names(string key)
    {
        if (String(key) is not { } v) return null;
        string[] names = v.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0)) throw Invalid(key, v, "a list with an empty name");
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length) throw Invalid(key, v, "a list with a repeated name");
        return names;
    }

    public ArgumentException Invalid(string key, string value, string problem) =>
        new($"{dataset}: option {key}='{value}' is {problem}");
}
