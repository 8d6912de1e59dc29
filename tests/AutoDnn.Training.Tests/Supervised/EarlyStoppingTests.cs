using AutoDnn.Search.Studies;
using AutoDnn.Training.Supervised;

namespace AutoDnn.Training.Tests.Supervised;

public sealed class EarlyStoppingTests
{
    [Fact]
    public void It_stops_after_patience_epochs_without_a_strict_improvement()
    {
        var stopping = new EarlyStopping(StudyDirection.Maximize, patience: 2);

        Assert.True(stopping.Observe(0, 0.5));
        Assert.True(stopping.Observe(1, 0.6));
        Assert.False(stopping.Observe(2, 0.6));
        Assert.False(stopping.ShouldStop);
        Assert.False(stopping.Observe(3, double.NaN));
        Assert.True(stopping.ShouldStop);
        Assert.Equal(1, stopping.BestEpoch);
        Assert.Equal(0.6, stopping.BestValue);
    }

    [Fact]
    public void Minimized_metrics_improve_downwards_and_no_patience_never_stops()
    {
        var stopping = new EarlyStopping(StudyDirection.Minimize, patience: null);
        foreach (double v in new[] { 1.0, 0.8, 0.9, 0.95, 0.99, 1.2 }) stopping.Observe(stopping.EpochsWithoutImprovement + stopping.BestEpoch + 1, v);

        Assert.Equal(0.8, stopping.BestValue);
        Assert.False(stopping.ShouldStop);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(StudyDirection.Minimize, 0));
    }
}
