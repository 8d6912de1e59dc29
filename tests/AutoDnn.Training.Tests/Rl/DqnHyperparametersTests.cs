using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Training.Rl;

namespace AutoDnn.Training.Tests.Rl;

public sealed class DqnHyperparametersTests
{
    [Fact]
    public void Epsilon_falls_linearly_from_one_to_its_end_value_then_stays()
    {
        var h = DqnHyperparameters.Suggest(new FixedTrial(RlTestParameters.Dqn()));

        // decay fraction 0.3 of 1000 steps: ε reaches 0.05 at step 300.
        Assert.Equal(1.0, h.Epsilon(0, 1000), 1e-12);
        Assert.Equal(1.0 - 0.5 * 0.95, h.Epsilon(150, 1000), 1e-12);
        Assert.Equal(0.05, h.Epsilon(300, 1000), 1e-12);
        Assert.Equal(0.05, h.Epsilon(900, 1000), 1e-12);
    }

    [Fact]
    public void Hard_targets_suggest_an_interval_and_polyak_targets_a_tau()
    {
        var hard = new FixedTrial(RlTestParameters.Dqn(target: "hard"));
        var polyak = new FixedTrial(RlTestParameters.Dqn(target: "polyak"));

        var h = DqnHyperparameters.Suggest(hard);
        var p = DqnHyperparameters.Suggest(polyak);

        Assert.Equal((50, 1.0), (h.TargetUpdate, h.Tau));
        Assert.Equal((1, 0.05), (p.TargetUpdate, p.Tau));
        Assert.DoesNotContain("dqn.tau", hard.Params.Keys);
        Assert.DoesNotContain("dqn.target_update", polyak.Params.Keys);
    }

    [Fact]
    public void Sampled_values_lie_in_the_documented_ranges()
    {
        var study = Study.Create(new StudyOptions { Sampler = new RandomSampler(seed: 3) });
        for (int i = 0; i < 30; i++)
        {
            var trial = study.Ask();
            var h = DqnHyperparameters.Suggest(trial);
            Assert.InRange(h.LearningRate, 1e-4, 1e-2);
            Assert.InRange(h.Gamma, 0.9, 0.999);
            Assert.InRange(h.LearningStarts, 100, 10_000);
            Assert.InRange(h.EpsilonDecayFraction, 0.05, 0.5);
            Assert.InRange(h.MaxGradNorm, 0.5, 20);
            Assert.All(trial.Params.Keys, k => Assert.StartsWith("dqn.", k));
            study.Tell(trial, 0);
        }
    }
}
