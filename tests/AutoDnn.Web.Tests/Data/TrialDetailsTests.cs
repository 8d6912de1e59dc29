using AutoDnn.Search.Trials;
using AutoDnn.Web.Data;
using AutoDnn.Web.Tests.Seeding;

namespace AutoDnn.Web.Tests.Data;

public sealed class TrialDetailsTests
{
    [Fact]
    public void Reads_the_trainer_attributes()
    {
        TrialDetails d = TrialDetails.Of(ViewerSeed.Trial(3, TrialState.Complete, 0.25, folds: 2));
        Assert.Equal(0.53, d.Metrics["accuracy"], 10);
        Assert.Equal(0.25, d.Metrics["loss"]);
        Assert.Equal(0.02, d.MetricsStd["accuracy"]);
        Assert.Equal(0.75, d.TestMetrics["accuracy"]);
        Assert.Equal(["cat", "dog <b>"], d.ClassNames);
        Assert.Equal([0, 1], d.Folds.Select(f => f.Fold));
        Assert.Equal(5, d.Folds[0].Epochs);
        Assert.Equal([43.0, 2.0], d.Folds[0].Confusion![0]);
    }

    [Fact]
    public void Overall_confusion_sums_the_folds_when_there_is_no_test_matrix()
    {
        TrialDetails d = TrialDetails.Of(ViewerSeed.Trial(0, TrialState.Complete, 0.25, folds: 2));
        var (title, m) = d.OverallConfusion()!.Value;
        Assert.Equal("validation, 2 folds summed", title);
        Assert.Equal([[78.0, 6.0], [8.0, 88.0]], m);
    }

    [Fact]
    public void Fail_reason_comes_from_the_system_attribute()
    {
        TrialDetails d = TrialDetails.Of(ViewerSeed.Trial(0, TrialState.Fail, 0, folds: 1));
        Assert.StartsWith("NaN loss at epoch 3", d.FailReason);
        Assert.Null(d.OverallConfusion());
    }
}
