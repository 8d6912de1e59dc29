using AutoDnn.Plugins.Rl.Architectures;
using AutoDnn.Plugins.Rl.Environments;
using AutoDnn.Search.Trials;
using AutoDnn.Training.Rl;
using AutoDnn.Training.Runs;

namespace AutoDnn.Plugins.Rl.Tests.Agents;

public sealed class GridWorldDqnTests
{
    [Fact]
    public void Dqn_solves_gridworld_with_the_optimal_return()
    {
        var options = new RlRunOptions { Algorithm = RlAlgorithm.Dqn, TotalSteps = 1500, EvalEvery = 500, EvalEpisodes = 2, SplitSeed = 1 };
        var runner = new RlTrialRunner(() => new GridWorldEnvironment(), new QMlpArchitecture(), options);
        var trial = new FixedTrial(PluginParameters.GridWorldDqn());

        TrialOutcome outcome = runner.Run(trial, new TrialContext { Seed = 1 });

        // The greedy policy walks the 6-step shortest path around the traps: 5·(−0.1) + 10.
        Assert.Equal(GridWorldEnvironment.OptimalReturn, outcome.Get("mean_return"), 1e-9);
        Assert.Equal(0, outcome.Get("std_return"), 1e-9);
        Assert.Equal(3, trial.IntermediateValues.Count);
    }

    [Fact]
    public void Without_learning_the_greedy_policy_does_not_reach_the_goal()
    {
        // Learning would start after 10 000 steps: the evaluation sees the untrained network.
        var options = new RlRunOptions { TotalSteps = 300, EvalEvery = 300, EvalEpisodes = 1 };
        var runner = new RlTrialRunner(() => new GridWorldEnvironment(), new QMlpArchitecture(), options);

        TrialOutcome outcome = runner.Run(new FixedTrial(PluginParameters.GridWorldDqn(learningStarts: 10_000)), new TrialContext { Seed = 1 });

        Assert.True(outcome.Get("mean_return") < GridWorldEnvironment.OptimalReturn - 1, $"mean_return {outcome.Get("mean_return")}");
    }
}
