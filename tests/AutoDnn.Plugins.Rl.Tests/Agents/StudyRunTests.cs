using AutoDnn.Plugins.Rl.Architectures;
using AutoDnn.Plugins.Rl.Environments;
using AutoDnn.Search.Pruners;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Training.Rl;
using AutoDnn.Training.Runs;

namespace AutoDnn.Plugins.Rl.Tests.Agents;

public sealed class StudyRunTests
{
    [Fact]
    public void A_study_stores_values_per_seed_and_evaluation_and_its_pruner_prunes_a_learner_that_never_starts()
    {
        var storage = new InMemoryStudyStorage();
        var study = Study.Create(new StudyOptions
        {
            Name = "gridworld-dqn",
            Directions = [StudyDirection.Maximize],
            Storage = storage,
            Sampler = new RandomSampler(seed: 1),
            Pruner = new MedianPruner(nStartupTrials: 1),
        });
        study.Enqueue(PluginParameters.GridWorldDqn());
        study.Enqueue(PluginParameters.GridWorldDqn(lr: 3e-3));
        study.Enqueue(PluginParameters.GridWorldDqn(learningStarts: 10_000));
        var options = new RlRunOptions { TotalSteps = 1000, EvalEvery = 500, EvalEpisodes = 1, Seeds = 2, SplitSeed = 4 };
        var runner = new RlTrialRunner(() => new GridWorldEnvironment(), new QMlpArchitecture(), options);

        study.Optimize(trial => runner.Run(trial, new TrialContext { Seed = 100 + trial.Number }).Get(runner.Metric), nTrials: 3);

        var trials = storage.GetAllTrials(study.Id);
        Assert.Equal([TrialState.Complete, TrialState.Complete, TrialState.Pruned], trials.Select(t => t.State).ToArray());
        Assert.Equal(
            [new(0, 0), new(0, 1), new(1, 0), new(1, 1)],
            trials[0].IntermediateValues.Keys.Order().ToArray());
        // The trial's value is the mean over seeds of each seed's final evaluation.
        double finalMean = (trials[0].IntermediateValues[new IntermediateKey(0, 1)] + trials[0].IntermediateValues[new IntermediateKey(1, 1)]) / 2;
        Assert.Equal(finalMean, trials[0].Value!.Value, 1e-12);
        var folds = trials[0].UserAttributes[TrialAttributeKeys.FoldMetrics];
        Assert.Equal(trials[0].IntermediateValues[new IntermediateKey(1, 1)], folds[1].GetProperty("metrics").GetProperty("mean_return").GetDouble());
        Assert.Equal([new IntermediateKey(0, 0)], trials[2].IntermediateValues.Keys.ToArray());
    }
}
