using AutoDnn.Training.Rl;

namespace AutoDnn.Training.Tests.Rl;

public sealed class RlSeedsTests
{
    [Fact]
    public void Training_seeds_and_evaluation_seeds_never_meet()
    {
        var training = new HashSet<int>();
        for (int trial = 0; trial < 20; trial++)
            for (int fold = 0; fold < 3; fold++)
                for (int episode = 0; episode < 50; episode++)
                    training.Add(RlSeeds.TrainingEpisode(trial, fold, episode));

        var evaluation = Enumerable.Range(0, 20).SelectMany(split => Enumerable.Range(0, 20).Select(k => RlSeeds.EvaluationEpisode(split, k))).ToHashSet();

        Assert.All(training, s => Assert.InRange(s, 0, (1 << 30) - 1));
        Assert.All(evaluation, s => Assert.InRange(s, 1 << 30, int.MaxValue));
        Assert.True(training.Count > 2900);
    }

    [Fact]
    public void Folds_get_different_weights_and_agent_seeds()
    {
        Assert.NotEqual(RlSeeds.Weights(1, 0), RlSeeds.Weights(1, 1));
        Assert.NotEqual(RlSeeds.Agent(1, 0), RlSeeds.Agent(1, 1));
        Assert.NotEqual(RlSeeds.Weights(1, 0), RlSeeds.Weights(2, 0));
        Assert.Equal(RlSeeds.Agent(4, 2), RlSeeds.Agent(4, 2));
    }
}
