using System.Text.Json;
using AutoDnn.Search.Studies;
using AutoDnn.Training.Metrics;

namespace AutoDnn.Training.Tests.Metrics;

public class ClassificationMetricsTests
{
    private static readonly JsonElement Fixtures = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "metrics.json"))).RootElement;

    public static TheoryData<string> CaseNames =>
        new(Fixtures.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void EveryMetric_EqualsScikitLearns(string name)
    {
        JsonElement c = Fixtures.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        int[] actual = c.GetProperty("actual").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        double[][] rows = c.GetProperty("probabilities").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        var probabilities = new double[rows.Length, rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[i].Length; j++) probabilities[i, j] = rows[i][j];

        var outcome = new ClassificationOutcome(actual, probabilities);
        long[][] confusion = c.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetInt64()).ToArray()).ToArray();
        Assert.Equal(confusion, outcome.Confusion.ToArrays());
        IReadOnlyDictionary<string, double> ours = MetricCatalog.ComputeAll(outcome);
        foreach (JsonProperty expected in c.GetProperty("expected").EnumerateObject())
        {
            Assert.True(ours.ContainsKey(expected.Name), $"{name}: no metric {expected.Name}");
            Assert.True(Math.Abs(ours[expected.Name] - expected.Value.GetDouble()) < 1e-9,
                $"{name}: {expected.Name} = {ours[expected.Name]:R}, scikit-learn {expected.Value.GetDouble():R}");
        }
    }

    [Fact]
    public void HandComputedCase()
    {
        // truth 0 0 1 1 2, predicted 0 1 1 1 0
        var m = ConfusionMatrix.From([0, 0, 1, 1, 2], [0, 1, 1, 1, 0], 3);
        Assert.Equal(3.0 / 5, ClassificationMetrics.Accuracy(m), 12);
        Assert.Equal((0.5 + 1 + 0) / 3, ClassificationMetrics.BalancedAccuracy(m), 12);
        // precision per class: 1/2, 2/3, 0 (never predicted → 0)
        Assert.Equal((0.5 + 2.0 / 3 + 0) / 3, ClassificationMetrics.Precision(m, Average.Macro), 12);
        Assert.Equal((0.5 * 2 + 2.0 / 3 * 2 + 0 * 1) / 5, ClassificationMetrics.Precision(m, Average.Weighted), 12);
        Assert.Equal(0.6, ClassificationMetrics.F1(m, Average.Micro), 12);
    }

    [Fact]
    public void PerfectAndInverseRankings_GiveAucOneAndZero()
    {
        double[,] p = { { 0.9, 0.1 }, { 0.8, 0.2 }, { 0.3, 0.7 }, { 0.1, 0.9 } };
        Assert.Equal(1.0, ClassificationMetrics.RocAuc([0, 0, 1, 1], p), 12);
        Assert.Equal(0.0, ClassificationMetrics.RocAuc([1, 1, 0, 0], p), 12);
    }

    [Fact]
    public void Catalog_KnowsDirections_AndNamesTheKnownMetricsOnATypo()
    {
        Assert.Equal(StudyDirection.Maximize, MetricCatalog.Get("f1_macro").Direction);
        Assert.Equal(StudyDirection.Minimize, MetricCatalog.Get("log_loss").Direction);
        var e = Assert.Throws<ArgumentException>(() => MetricCatalog.Get("f1-macro"));
        Assert.Contains("f1_macro", e.Message);
    }

    [Fact]
    public void RocAuc_WithAClassMissingFromTheFold_SaysWhich()
    {
        double[,] p = { { 0.5, 0.3, 0.2 }, { 0.2, 0.5, 0.3 } };
        var e = Assert.Throws<ArgumentException>(() => ClassificationMetrics.RocAuc([0, 1], p));
        Assert.Contains("class 2", e.Message);
    }

    [Fact]
    public void BadLabels_AreNamedWithTheirPosition()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.From([0, 3], [0, 0], 3));
        Assert.Contains("true label 3 at position 1", e.Message);
    }
}
