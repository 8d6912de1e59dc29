using System.Text.Json;
using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Search.Storage;

namespace AutoDnn.Web.Data;

/// <summary>What a campaign recorded after its budget (study attribute <see cref="CampaignSession.FinalAttribute"/>): the
/// best trial retrained on all training data and scored once on the test split.</summary>
/// <param name="Trial">The best trial's number.</param>
/// <param name="TrainingExamples">Examples the final model was trained on; null when not recorded.</param>
/// <param name="Epochs">Epochs of the final training; null when not recorded.</param>
/// <param name="TestMetrics">Test-split metrics, in a fixed order (the usual ones first).</param>
public sealed record FinalModelView(int Trial, int? TrainingExamples, int? Epochs, IReadOnlyList<KeyValuePair<string, double>> TestMetrics)
{
    private static readonly string[] First = ["accuracy", "balanced_accuracy", "f1_macro", "f1_weighted", "roc_auc_ovr", "log_loss"];

    /// <summary>The campaign's final evaluation, or null when there is none (or it cannot be read).</summary>
    public static FinalModelView? From(StudyRecord study)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (!study.UserAttributes.TryGetValue(CampaignSession.FinalAttribute, out JsonElement final)
            || final.ValueKind != JsonValueKind.Object
            || !final.TryGetProperty("trial", out JsonElement trial) || !trial.TryGetInt32(out int number))
        {
            return null;
        }

        var metrics = new List<KeyValuePair<string, double>>();
        if (final.TryGetProperty("test_metrics", out JsonElement test) && test.ValueKind == JsonValueKind.Object)
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
        return new FinalModelView(number, Int(final, "training_examples"), Int(final, "epochs"), metrics);
    }

    private static int Rank(string metric) => Array.IndexOf(First, metric) is >= 0 and var i ? i : First.Length;

    private static int? Int(JsonElement o, string name) =>
        o.TryGetProperty(name, out JsonElement v) && v.TryGetInt32(out int i) ? i : null;
}
