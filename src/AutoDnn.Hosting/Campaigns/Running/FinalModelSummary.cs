using System.Text.Json;

namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>What a campaign recorded after its budget (study attribute <see cref="CampaignSession.FinalAttribute"/>): the
/// best trial retrained on all training data and scored once on the test split. The one reader of that attribute, for
/// <c>autodnn status</c> and the viewer.</summary>
/// <param name="Trial">The best trial's number.</param>
/// <param name="TrainingExamples">Examples the final model was trained on; null when not recorded.</param>
/// <param name="Epochs">Epochs of the final training; null when not recorded.</param>
/// <param name="TestMetrics">Test-split metrics, in a fixed order (the usual ones first).</param>
public sealed record FinalModelSummary(int Trial, int? TrainingExamples, int? Epochs, IReadOnlyList<KeyValuePair<string, double>> TestMetrics)
{
    private static readonly string[] First = ["accuracy", "balanced_accuracy", "f1_macro", "f1_weighted", "roc_auc_ovr", "log_loss"];

    /// <summary>The final evaluation in a study's user attributes, or null when there is none (or it cannot be read).</summary>
    public static FinalModelSummary? From(IReadOnlyDictionary<string, JsonElement> studyAttributes)
    {
        ArgumentNullException.ThrowIfNull(studyAttributes);
        return studyAttributes.TryGetValue(CampaignSession.FinalAttribute, out JsonElement final) ? From(final) : null;
    }

    /// <summary>The final evaluation stored as <paramref name="final"/>, or null when absent or unreadable.</summary>
    public static FinalModelSummary? From(JsonElement? final)
    {
        if (final is not { ValueKind: JsonValueKind.Object } o
            || !o.TryGetProperty("trial", out JsonElement trial) || !trial.TryGetInt32(out int number))
        {
            return null;
        }

        var metrics = new List<KeyValuePair<string, double>>();
        if (o.TryGetProperty("test_metrics", out JsonElement test) && test.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in test.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Number)
                {
                    metrics.Add(KeyValuePair.Create(p.Name, p.Value.GetDouble()));
                }
            }
        }

        metrics.Sort((a, b) => Rank(a.Key) != Rank(b.Key) ? Rank(a.Key).CompareTo(Rank(b.Key)) : string.CompareOrdinal(a.Key, b.Key));
        return new FinalModelSummary(number, Int(o, "training_examples"), Int(o, "epochs"), metrics);
    }

    private static int Rank(string metric) => Array.IndexOf(First, metric) is >= 0 and var i ? i : First.Length;

    private static int? Int(JsonElement o, string name) =>
        o.TryGetProperty(name, out JsonElement v) && v.TryGetInt32(out int i) ? i : null;
}
