using AutoDnn.Plugins.Rl.Architectures;
using AutoDnn.Plugins.Rl.Environments;
using AutoDnn.Search.Trials;
using AutoDnn.Training.Rl;
using AutoDnn.Training.Runs;

namespace AutoDnn.Plugins.Rl.Tests.Agents;

public sealed class CartPoleReinforceTests
{
    private static double MeanReturn(int totalSteps, int evalEvery)
    {
        var options = new RlRunOptions
        {
            Algorithm = RlAlgorithm.Reinforce, TotalSteps = totalSteps, EvalEvery = evalEvery, EvalEpisodes = 5, SplitSeed = 2026,
        };
        var runner = new RlTrialRunner(() => new CartPoleEnvironment(), new QMlpArchitecture(), options);
        return runner.Run(new FixedTrial(PluginParameters.CartPoleReinforce()), new TrialContext { Seed = 1 }).Get("mean_return");
    }

    [Fact]
    public void Reinforce_improves_cartpole_clearly_in_six_thousand_steps()
    {
        // One step finishes no episode, so no update: this is the same seed's untrained network.
        double untrained = MeanReturn(totalSteps: 1, evalEvery: 1);
        double trained = MeanReturn(totalSteps: 6000, evalEvery: 3000);

        Assert.True(untrained < 50, $"untrained {untrained}");
        Assert.True(trained > 300, $"trained {trained} (untrained {untrained})");
    }
}
