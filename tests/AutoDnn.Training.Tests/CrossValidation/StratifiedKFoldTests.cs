using AutoDnn.Training.CrossValidation;

namespace AutoDnn.Training.Tests.CrossValidation;

public class StratifiedKFoldTests
{
    private static int[] ImbalancedLabels()
    {
        var labels = new List<int>();
        labels.AddRange(Enumerable.Repeat(0, 61));
        labels.AddRange(Enumerable.Repeat(1, 27));
        labels.AddRange(Enumerable.Repeat(2, 12));
        var random = new Random(3);
        return labels.OrderBy(_ => random.Next()).ToArray();
    }

    [Fact]
    public void EveryFold_KeepsClassProportions_WithinOneExamplePerClass()
    {
        int[] labels = ImbalancedLabels();
        var folds = new StratifiedKFold(5, seed: 1).Split(labels.Length, labels);
        Assert.Equal(5, folds.Count);
        foreach (Fold fold in folds)
            foreach (int c in new[] { 0, 1, 2 })
            {
                double expected = labels.Count(l => l == c) / 5.0;
                int actual = fold.Validation.Count(i => labels[i] == c);
                Assert.True(Math.Abs(actual - expected) < 1, $"fold {fold.Index} has {actual} of class {c}, expected about {expected}");
            }
        Assert.True(folds.Max(f => f.Validation.Count) - folds.Min(f => f.Validation.Count) <= 1);
    }

    [Fact]
    public void Folds_PartitionTheData_AndTrainOnTheRest()
    {
        int[] labels = ImbalancedLabels();
        var folds = new StratifiedKFold(4, seed: 9).Split(labels.Length, labels);
        Assert.Equal(Enumerable.Range(0, labels.Length), folds.SelectMany(f => f.Validation).Order());
        foreach (Fold f in folds)
        {
            Assert.Empty(f.Train.Intersect(f.Validation));
            Assert.Equal(labels.Length, f.Train.Count + f.Validation.Count);
        }
    }

    [Fact]
    public void SameSeed_SameFolds_OtherSeed_OtherFolds()
    {
        int[] labels = ImbalancedLabels();
        var a = new StratifiedKFold(3, 5).Split(labels.Length, labels);
        var b = new StratifiedKFold(3, 5).Split(labels.Length, labels);
        var c = new StratifiedKFold(3, 6).Split(labels.Length, labels);
        Assert.Equal(a.Select(f => f.Validation), b.Select(f => f.Validation));
        Assert.NotEqual(a.Select(f => f.Validation.ToArray()), c.Select(f => f.Validation.ToArray()));
    }

    [Fact]
    public void MissingLabels_OrTooFewExamples_AreExplained()
    {
        Assert.Contains("use KFold", Assert.Throws<ArgumentException>(() => new StratifiedKFold(3, 0).Split(10)).Message);
        Assert.Contains("at least 3 examples", Assert.Throws<ArgumentException>(() => new StratifiedKFold(3, 0).Split(2, [0, 1])).Message);
        Assert.Contains("k >= 2", Assert.Throws<ArgumentOutOfRangeException>(() => new StratifiedKFold(1, 0)).Message);
    }
}
