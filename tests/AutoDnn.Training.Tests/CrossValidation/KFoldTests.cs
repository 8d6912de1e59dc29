using AutoDnn.Training.CrossValidation;

namespace AutoDnn.Training.Tests.CrossValidation;

public class KFoldTests
{
    [Fact]
    public void Folds_PartitionTheData_WithSizesWithinOne()
    {
        var folds = new KFold(3, seed: 2).Split(10);
        Assert.Equal(Enumerable.Range(0, 10), folds.SelectMany(f => f.Validation).Order());
        Assert.Equal(new[] { 4, 3, 3 }, folds.Select(f => f.Validation.Count));
        Assert.Equal(new KFold(3, 2).Split(10).Select(f => f.Validation), folds.Select(f => f.Validation));
    }

    [Fact]
    public void Holdout_Stratified_KeepsProportions()
    {
        int[] labels = [.. Enumerable.Repeat(0, 80), .. Enumerable.Repeat(1, 20)];
        Fold fold = new Holdout(0.25, seed: 4).Split(labels.Length, labels).Single();
        Assert.Equal(20, fold.Validation.Count(i => labels[i] == 0));
        Assert.Equal(5, fold.Validation.Count(i => labels[i] == 1));
        Assert.Equal(75, fold.Train.Count);
    }

    [Fact]
    public void Holdout_RejectsFractionsOutside01()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Holdout(1.0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Holdout(0, 0));
    }
}
