using System.Text.Json;
using AutoDnn.Search.Trials;
using AutoDnn.Training.Runs;

namespace AutoDnn.Web.Data;

/// <summary>What the trainer recorded on a trial, read from its attributes: metrics, per-fold results, confusion matrices, failure.</summary>
internal sealed record TrialDetails
{
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> MetricsStd { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> TestMetrics { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<FoldResult> Folds { get; init; } = [];

    public IReadOnlyList<string> ClassNames { get; init; } = [];

    public double[][]? TestConfusion { get; init; }

    public string? FailReason { get; init; }

    /// <summary>The confusion matrix to show for the trial as a whole: the test one, else the folds' summed.</summary>
    public (string Title, double[][] Matrix)? OverallConfusion()
    {
        if (TestConfusion is { } test)
        {
            return ("test split", test);
        }

        var matrices = Folds.Where(f => f.Confusion is not null).Select(f => f.Confusion!).ToList();
        if (matrices.Count == 0 || matrices.Any(m => m.Length != matrices[0].Length))
        {
            return null;
        }

        double[][] sum = [.. matrices[0].Select(row => new double[row.Length])];
        foreach (double[][] m in matrices)
        {
            for (int i = 0; i < m.Length; i++)
            {
                for (int j = 0; j < Math.Min(m[i].Length, sum[i].Length); j++)
                {
                    sum[i][j] += m[i][j];
                }
            }
        }

        return (matrices.Count == 1 ? "validation" : $"validation, {matrices.Count} folds summed", sum);
    }

    public static TrialDetails Of(FrozenTrial trial)
    {
        var user = trial.UserAttributes;
        return new TrialDetails
        {
            Metrics = NumberMap(user, TrialAttributeKeys.Metrics),
            MetricsStd = NumberMap(user, TrialAttributeKeys.MetricsStd),
            TestMetrics = NumberMap(user, TrialAttributeKeys.TestMetrics),
            ClassNames = user.TryGetValue(TrialAttributeKeys.ClassNames, out JsonElement names) && names.ValueKind == JsonValueKind.Array
                ? [.. names.EnumerateArray().Select(Text)]
                : [],
            TestConfusion = user.TryGetValue(TrialAttributeKeys.TestConfusion, out JsonElement tc) ? Matrix(tc) : null,
            Folds = user.TryGetValue(TrialAttributeKeys.FoldMetrics, out JsonElement folds) && folds.ValueKind == JsonValueKind.Array
                ? [.. folds.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object).Select(FoldOf)]
                : [],
            FailReason = trial.SystemAttributes.TryGetValue(TrialSystemAttributes.FailReason, out JsonElement reason) ? Text(reason) : null,
        };
    }

    private static FoldResult FoldOf(JsonElement fold) => new()
    {
        Fold = fold.TryGetProperty("fold", out JsonElement f) && f.ValueKind == JsonValueKind.Number ? f.GetInt32() : 0,
        Epochs = fold.TryGetProperty("epochs", out JsonElement e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : null,
        Metrics = fold.TryGetProperty("metrics", out JsonElement m) ? NumberMap(m) : new Dictionary<string, double>(),
        Confusion = fold.TryGetProperty("confusion", out JsonElement c) ? Matrix(c) : null,
    };

    private static IReadOnlyDictionary<string, double> NumberMap(IReadOnlyDictionary<string, JsonElement> attributes, string key) =>
        attributes.TryGetValue(key, out JsonElement value) ? NumberMap(value) : new Dictionary<string, double>();

    private static SortedDictionary<string, double> NumberMap(JsonElement value)
    {
        var map = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in value.EnumerateObject())
            {
                map[p.Name] = Number(p.Value);
            }
        }

        return map;
    }

    private static double[][]? Matrix(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(r => r.ValueKind == JsonValueKind.Array)
            ? [.. value.EnumerateArray().Select(r => r.EnumerateArray().Select(Number).ToArray())]
            : null;

    // Non-finite numbers are written as strings ("NaN") by lenient serializers; anything else unreadable is NaN.
    private static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String when double.TryParse(e.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) => d,
        _ => double.NaN,
    };

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText();
}
