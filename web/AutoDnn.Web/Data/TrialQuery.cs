using System.Globalization;
using AutoDnn.Search.Trials;
using Microsoft.AspNetCore.Http;

namespace AutoDnn.Web.Data;

/// <summary>What the trial table shows: filters (state, one parameter's range or value, objective range), sort, page.</summary>
public sealed record TrialQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public TrialState? State { get; init; }

    /// <summary>Parameter to filter on; with <see cref="ParamMin"/>/<see cref="ParamMax"/> (numeric) or <see cref="ParamValue"/> (any).</summary>
    public string? Param { get; init; }

    public double? ParamMin { get; init; }

    public double? ParamMax { get; init; }

    /// <summary>Exact user-facing value (as text) the parameter must have.</summary>
    public string? ParamValue { get; init; }

    /// <summary>Range on the first objective value.</summary>
    public double? ValueMin { get; init; }

    public double? ValueMax { get; init; }

    /// <summary>"number", "state", "value" (first objective), "value1".., "duration", "started", or "param:NAME".</summary>
    public string Sort { get; init; } = "number";

    public bool Descending { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Reads the query string; throws <see cref="ViewerRequestException"/> naming the option and value that are wrong.</summary>
    public static TrialQuery Parse(IQueryCollection query)
    {
        string? Text(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        double? Number(string key) => Text(key) is not { } t
            ? null
            : double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && !double.IsNaN(d)
                ? d
                : throw new ViewerRequestException($"Query option '{key}' = '{t}' is not a number.");
        int Int(string key, int fallback, int min, int max) => Text(key) is not { } t
            ? fallback
            : int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) && i >= min && i <= max
                ? i
                : throw new ViewerRequestException($"Query option '{key}' = '{t}' is not a whole number in {min}..{max}.");

        TrialState? state = Text("state") is { } s
            ? Enum.TryParse(s, ignoreCase: true, out TrialState parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new ViewerRequestException($"Query option 'state' = '{s}' is not one of {string.Join(", ", Enum.GetNames<TrialState>())}.")
            : null;
        return new TrialQuery
        {
            State = state,
            Param = Text("param"),
            ParamMin = Number("pmin"),
            ParamMax = Number("pmax"),
            ParamValue = Text("pvalue"),
            ValueMin = Number("vmin"),
            ValueMax = Number("vmax"),
            Sort = Text("sort") ?? "number",
            Descending = Text("desc") is "1" or "true",
            Page = Int("page", 1, 1, int.MaxValue),
            PageSize = Int("size", DefaultPageSize, 1, MaxPageSize),
        };
    }

    /// <summary>The query string for this query with some options replaced (null removes one), for links that keep the filters.</summary>
    public string ToQueryString(IReadOnlyDictionary<string, string?>? changes = null)
    {
        var pairs = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["state"] = State?.ToString(),
            ["param"] = Param,
            ["pmin"] = ParamMin?.ToString("R", CultureInfo.InvariantCulture),
            ["pmax"] = ParamMax?.ToString("R", CultureInfo.InvariantCulture),
            ["pvalue"] = ParamValue,
            ["vmin"] = ValueMin?.ToString("R", CultureInfo.InvariantCulture),
            ["vmax"] = ValueMax?.ToString("R", CultureInfo.InvariantCulture),
            ["sort"] = Sort == "number" ? null : Sort,
            ["desc"] = Descending ? "1" : null,
            ["page"] = Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture),
            ["size"] = PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            pairs[key] = value;
        }

        string text = string.Join('&', pairs.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        return text.Length == 0 ? "" : "?" + text;
    }
}
