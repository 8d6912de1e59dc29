using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Pruners;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Training.Rl;
using AutoDnn.Training.Runs;
using AutoDnn.Training.Tests.Fixtures;

namespace AutoDnn.Training.Tests.Rl;

[Collection(GlobalRandomCollection.Name)]
public sealed class RlTrialRunnerTests
{
    private static readonly RlRunOptions Short = new() { TotalSteps = 600, EvalEvery = 200, EvalEpisodes = 2, Seeds = 2, SplitSeed = 9 };

    private static RlTrialRunner Runner(RlRunOptions options, Func<IEnvironment>? factory = null) =>
        new(factory ?? (() => new LineWalkEnvironment()), new SmallMlpArchitecture(), options);

    [Fact]
    public void Dqn_learns_the_line_walk_and_reports_every_evaluation_of_every_seed()
    {
        var trial = new FixedTrial(RlTestParameters.Dqn());

        TrialOutcome outcome = Runner(Short).Run(trial, new TrialContext { Seed = 3 });

        Assert.Equal(LineWalkEnvironment.OptimalReturn, outcome.Get("mean_return"), 1e-9);
        Assert.Equal(0, outcome.Get("std_return"), 1e-9);
        Assert.Equal(2, outcome.Folds.Count);
        Assert.All(outcome.Folds, f => Assert.Equal(3, f.Epochs));
        Assert.All(outcome.Folds, f => Assert.True(f.Metrics["episodes"] > 10));
        Assert.Equal(
            [new(0, 0), new(0, 1), new(0, 2), new(1, 0), new(1, 1), new(1, 2)],
            trial.IntermediateValues.Keys.OrderBy(k => k.Fold).ThenBy(k => k.Step).ToArray());
        Assert.Equal(outcome.Folds[1].Metrics["mean_return"], trial.IntermediateValues[new IntermediateKey(1, 2)]);
    }

    [Fact]
    public void Same_seed_gives_identical_results_and_another_seed_differs()
    {
        var options = Short with { Seeds = 1, TotalSteps = 300, EvalEvery = 100 };
        var parameters = RlTestParameters.Dqn(target: "polyak");
        var a = new FixedTrial(parameters);
        var b = new FixedTrial(parameters);
        var c = new FixedTrial(parameters);

        TrialOutcome first = Runner(options).Run(a, new TrialContext { Seed = 11 });
        TrialOutcome second = Runner(options).Run(b, new TrialContext { Seed = 11 });
        Runner(options).Run(c, new TrialContext { Seed = 12 });

        Assert.Equal(first.Metrics, second.Metrics);
        Assert.Equal(a.IntermediateValues, b.IntermediateValues);
        Assert.Equal(a.Params, c.Params);
        Assert.NotEqual(first.Folds[0].Metrics["episodes"], RunEpisodes(c));
    }

    private static double RunEpisodes(FixedTrial trial) =>
        trial.UserAttributes[TrialAttributeKeys.FoldMetrics][0].GetProperty("metrics").GetProperty("episodes").GetDouble();

    [Fact]
    public void Reinforce_learns_the_line_walk_with_either_baseline()
    {
        foreach (string baseline in ReinforceHyperparameters.Baselines)
        {
            var trial = new FixedTrial(RlTestParameters.Reinforce(baseline));
            var options = Short with { Algorithm = RlAlgorithm.Reinforce, Seeds = 1, TotalSteps = 1500, EvalEvery = 500 };

            TrialOutcome outcome = Runner(options).Run(trial, new TrialContext { Seed = 5 });

            Assert.True(outcome.Get("mean_return") > 0.9, $"{baseline}: mean_return {outcome.Get("mean_return")}");
        }
    }

    [Fact]
    public void Training_and_evaluation_seeds_are_disjoint_and_evaluation_seeds_depend_only_on_the_split_seed()
    {
        var environments = new List<LineWalkEnvironment>();
        IEnvironment Create()
        {
            var env = new LineWalkEnvironment();
            environments.Add(env);
            return env;
        }

        var options = Short with { Seeds = 1, TotalSteps = 200, EvalEvery = 100 };
        Runner(options, Create).Run(new FixedTrial(RlTestParameters.Dqn()), new TrialContext { Seed = 1 });
        Runner(options, Create).Run(new FixedTrial(RlTestParameters.Dqn()), new TrialContext { Seed = 2 });

        // Per run: the training environment, then the evaluation environment.
        var training = environments[0].Seeds.Concat(environments[2].Seeds).Select(s => s!.Value).ToList();
        Assert.All(training, s => Assert.InRange(s, 0, (1 << 30) - 1));
        Assert.Equal(training.Count, training.Distinct().Count());
        Assert.Equal(environments[1].Seeds, environments[3].Seeds);
        Assert.Equal(4, environments[1].Seeds.Count); // 2 evaluations × 2 episodes
        Assert.All(environments[1].Seeds, s => Assert.InRange(s!.Value, 1 << 30, int.MaxValue));
        Assert.Equal(2, environments[1].Seeds.Distinct().Count());
    }

    [Fact]
    public void Per_fold_metrics_and_their_means_are_stored_as_user_attributes()
    {
        var trial = new FixedTrial(RlTestParameters.Dqn());

        TrialOutcome outcome = Runner(Short with { TotalSteps = 200, EvalEvery = 100 }).Run(trial, new TrialContext { Seed = 3 });

        var folds = trial.UserAttributes[TrialAttributeKeys.FoldMetrics];
        Assert.Equal(2, folds.GetArrayLength());
        Assert.Equal(1, folds[1].GetProperty("fold").GetInt32());
        Assert.Equal(2, folds[1].GetProperty("epochs").GetInt32());
        Assert.Equal(outcome.Get("mean_return"), trial.UserAttributes[TrialAttributeKeys.Metrics].GetProperty("mean_return").GetDouble());
        Assert.True(trial.UserAttributes[TrialAttributeKeys.MetricsStd].TryGetProperty("best_return", out _));
    }

    [Fact]
    public void A_nan_loss_fails_the_trial_naming_seed_and_step()
    {
        var runner = Runner(Short with { Seeds = 1 }, () => new LineWalkEnvironment(stepReward: double.NaN));

        var error = Assert.Throws<TrialFailedException>(() => runner.Run(new FixedTrial(RlTestParameters.Dqn()), new TrialContext { Seed = 1 }));

        Assert.Contains("DQN loss is NaN at seed 0, environment step 100", error.Message);
    }

    [Fact]
    public void A_nan_return_fails_reinforce()
    {
        var runner = Runner(Short with { Seeds = 1, Algorithm = RlAlgorithm.Reinforce }, () => new LineWalkEnvironment(stepReward: double.NaN));

        var error = Assert.Throws<TrialFailedException>(() => runner.Run(new FixedTrial(RlTestParameters.Reinforce()), new TrialContext { Seed = 1 }));

        Assert.Contains("REINFORCE policy loss is NaN at seed 0", error.Message);
    }

    [Fact]
    public void Cancellation_stops_the_trial_at_the_next_step()
    {
        using var cancel = new CancellationTokenSource();
        int steps = 0;
        var runner = Runner(Short, () => new CountingEnvironment(() => { if (++steps == 50) cancel.Cancel(); }));

        Assert.ThrowsAny<OperationCanceledException>(() =>
            runner.Run(new FixedTrial(RlTestParameters.Dqn()), new TrialContext { Seed = 1, Cancellation = cancel.Token }));
        Assert.Equal(50, steps);
    }

    [Fact]
    public void A_pruner_stops_the_trial_after_a_report()
    {
        var study = Study.Create(new StudyOptions
        {
            Directions = [StudyDirection.Maximize],
            Storage = new InMemoryStudyStorage(),
            Pruner = new ThresholdPruner(lower: 1.0), // above the optimum (0.96): the first report prunes
        });
        study.Enqueue(RlTestParameters.Dqn());
        var runner = Runner(Short);

        study.Optimize(trial => runner.Run(trial, new TrialContext { Seed = 1 }).Get(runner.Metric), nTrials: 1);

        FrozenTrial pruned = study.Trials.Single();
        Assert.Equal(TrialState.Pruned, pruned.State);
        Assert.Equal([new IntermediateKey(0, 0)], pruned.IntermediateValues.Keys.ToArray());
        Assert.True(pruned.IntermediateValues[new IntermediateKey(0, 0)] <= LineWalkEnvironment.OptimalReturn + 1e-9);
    }

    [Fact]
    public void Progress_ticks_once_per_evaluation()
    {
        var ticks = new List<TrainingProgress>();

        Runner(Short with { TotalSteps = 250, EvalEvery = 100 }).Run(
            new FixedTrial(RlTestParameters.Dqn()), new TrialContext { Seed = 1, Progress = new ListProgress(ticks) });

        // 250 steps, evaluated every 100: after 100, 200 and the last step.
        Assert.Equal([(0, 1), (0, 2), (0, 3), (1, 1), (1, 2), (1, 3)], ticks.Select(t => (t.Fold, t.Epoch)).ToArray());
        Assert.All(ticks, t => Assert.Equal((2, 3, "mean_return"), (t.Folds, t.Epochs, t.Metric)));
    }

    [Fact]
    public void An_architecture_for_another_task_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new RlTrialRunner(() => new LineWalkEnvironment(), new SmallMlpArchitecture(TaskKind.ImageClassification), Short));

        Assert.Contains("test-small-mlp", error.Message);
    }

    [Fact]
    public void Invalid_options_are_refused_by_the_constructor()
    {
        var error = Assert.Throws<ArgumentException>(() => Runner(Short with { EvalEvery = 601 }));

        Assert.Contains("EvalEvery", error.Message);
    }

    private sealed class ListProgress(List<TrainingProgress> ticks) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => ticks.Add(value);
    }

    private sealed class CountingEnvironment(Action onStep) : IEnvironment
    {
        private readonly LineWalkEnvironment _inner = new();

        public string Name => "test-counting-walk";

        public string Version => "1.0.0";

        public TaskKind Task => TaskKind.ReinforcementLearning;

        public string Description => "Counts steps.";

        public IReadOnlyList<int> ObservationShape => _inner.ObservationShape;

        public int ActionCount => _inner.ActionCount;

        public float[] Reset(int? seed = null) => _inner.Reset(seed);

        public StepResult Step(int action)
        {
            onStep();
            return _inner.Step(action);
        }
    }
}
