using AutoDnn.Search.Samplers.Gp;

namespace AutoDnn.Search.Tests.Samplers.Gp;

public sealed class GpTargetsTests
{
    [Fact]
    public void Anchoring_puts_the_worst_target_at_zero_and_keeps_differences()
    {
        double[] y = [-1.2, 0.3, 1.7, -0.4];
        GpTargets.AnchorPriorMeanAtWorst(y);
        Assert.Equal([-2.9, -1.4, 0, -2.1], y.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Far_from_every_trial_an_anchored_model_predicts_the_worst_value_not_the_average()
    {
        // Four trials crowded in one corner of [0, 1]; minimized values 1..4, standardized as the sampler does.
        double[] x = [0.0, 0.05, 0.1, 0.15];
        double[] y = [1, 2, 3, 4];
        GpTargets.Standardize(y);
        double[] anchored = (double[])y.Clone();
        GpTargets.AnchorPriorMeanAtWorst(anchored);

        double Far(double[] targets)
        {
            var model = GpRegressor.Fit(x, targets, [false]);
            model.Predict([1.0], new double[x.Length], out double mean, out _);
            return mean;
        }

        // Mean-0 prior on standardized targets: the far corner is predicted average. Anchored: as bad as the worst
        // trial, so only its uncertainty can make it attractive.
        Assert.Equal(y.Average(), Far(y), 0.3);
        Assert.Equal(anchored.Max(), Far(anchored), 0.3);
        Assert.True(Far(anchored) > anchored.Average() + 0.8);
    }
}
