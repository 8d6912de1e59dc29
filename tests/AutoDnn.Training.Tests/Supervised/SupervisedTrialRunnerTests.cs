using System.Diagnostics;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Pruners;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Training.Runs;
using AutoDnn.Training.Supervised;
using AutoDnn.Training.Tests.Fixtures;

namespace AutoDnn.Training.Tests.Supervised;

[Collection(GlobalRandomCollection.Name)]
public sealed class SupervisedTrialRunnerTests
{
    private static SupervisedRunOptions Options(int epochs = 3) => new()
    {
        TaskKind = Abstractions.Plugins.TaskKind.TabularClassification,
        Folds = 3,
        SplitSeed = 5,
        Epochs = epochs,
    };

    [Fact]
    public void A_study_prunes_inside_fold_0_and_keeps_fold_wise_curves_of_completed_trials()
    {
        using var data = new SyntheticBlobs(trainCount: 150, spread: 1.6);
        using var runner = new SupervisedTrialRunner(data, new TinyMlp(), [new GaussianNoise()], Options());
        Study study = Study.Create(new StudyOptions
        {
            Directions = [StudyDirection.Maximize],
            Storage = new InMemoryStudyStorage(),
            Sampler = new RandomSampler(seed: 3),
            Pruner = new MedianPruner(nStartupTrials: 2, nWarmupSteps: 0),
        });
        var clock = Stopwatch.StartNew();

        for (int i = 0; i < 12; i++)
        {
            Trial trial = study.Ask();
            try
            {
                study.Tell(trial, runner.Run(trial, new TrialContext { Seed = 100 + trial.Number }).Get("accuracy"));
            }
            catch (TrialPrunedException)
            {
                study.Tell(trial, TrialState.Pruned);
            }
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"12 trials took {clock.Elapsed}");
        var trials = study.Trials;
        var prunedInFold0 = trials.Where(t => t.State == TrialState.Pruned && t.Folds.SequenceEqual([0])).ToList();
        var completed = trials.Where(t => t.State == TrialState.Complete).ToList();
        Assert.NotEmpty(prunedInFold0);
        Assert.True(completed.Count >= 2, $"{completed.Count} trials completed");
        foreach (FrozenTrial t in completed)
        {
            Assert.Equal([0, 1, 2], t.Folds);
            foreach (int fold in t.Folds) Assert.Equal([0, 1, 2], t.Curve(fold).Select(p => p.Key));
            Assert.Equal(3, t.UserAttributes[TrialAttributeKeys.FoldMetrics].GetArrayLength());
            Assert.Equal(t.Value!.Value, t.UserAttributes[TrialAttributeKeys.Metrics].GetProperty("accuracy").GetDouble(), 12);
            Assert.Equal("class2", t.UserAttributes[TrialAttributeKeys.ClassNames][2].GetString());
            Assert.Contains("train.lr", t.Params.Keys);
            Assert.Contains("tiny.hidden", t.Params.Keys);
            Assert.Contains("noise.std", t.Params.Keys);
            Assert.Equal(t.Params["train.optimizer"] is "sgd", t.Params.ContainsKey("train.momentum"));
        }
        Assert.True(completed.Max(t => t.Value!.Value) > 0.6, "the best trial should learn the blobs");
    }

    [Fact]
    public void A_diverging_trial_fails_with_the_place_and_the_study_goes_on()
    {
        using var data = new SyntheticBlobs(trainCount: 120);
        using var runner = new SupervisedTrialRunner(data, new TinyMlp(), [], Options());
        Study study = Study.Create(new StudyOptions { Directions = [StudyDirection.Maximize], Sampler = new RandomSampler(seed: 1) });
        study.Enqueue(new Dictionary<string, object?> { ["train.optimizer"] = "sgd", ["train.momentum"] = 0.9, ["train.clip_norm"] = null, ["train.schedule"] = "constant" });
        var overrides = new Dictionary<string, double> { ["train.lr"] = 1e4 };
        string? reason = null;

        for (int i = 0; i < 3; i++)
        {
            Trial trial = study.Ask();
            ITrial run = i == 0 ? new OverridingTrial(trial, overrides) : trial;
            try
            {
                study.Tell(trial, runner.Run(run, new TrialContext { Seed = i }).Get("accuracy"));
            }
            catch (TrialFailedException e)
            {
                reason = e.Message;
                study.Tell(trial, TrialState.Fail);
            }
            catch (TrialPrunedException)
            {
                study.Tell(trial, TrialState.Pruned);
            }
        }

        Assert.NotNull(reason);
        Assert.Matches("loss became (NaN|inf|-inf) at fold 1 of 3, epoch \\d+ of 3", reason);
        Assert.Equal(TrialState.Fail, study.Trials[0].State);
        Assert.Equal(1e4, study.Trials[0].Params["train.lr"]);
        Assert.All(study.Trials.Skip(1), t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public void The_same_seed_gives_the_same_outcome_and_another_seed_other_weights()
    {
        using var data = new SyntheticBlobs(trainCount: 90);
        using var runner = new SupervisedTrialRunner(data, new TinyMlp(), [new GaussianNoise()], Options(epochs: 2));

        TrialOutcome a = runner.Run(TrialParams.Fixed(schedule: "onecycle"), new TrialContext { Seed = 7 });
        TrialOutcome b = runner.Run(TrialParams.Fixed(schedule: "onecycle"), new TrialContext { Seed = 7 });
        using FinalModel first = runner.TrainFinal(TrialParams.Fixed(), new TrialContext { Seed = 7 }, epochs: 2, modelFolder: null);
        using FinalModel same = runner.TrainFinal(TrialParams.Fixed(), new TrialContext { Seed = 7 }, epochs: 2, modelFolder: null);
        using FinalModel other = runner.TrainFinal(TrialParams.Fixed(), new TrialContext { Seed = 8 }, epochs: 2, modelFolder: null);

        Assert.Equal(a.Metrics, b.Metrics);
        Assert.Equal(a.Folds.Select(f => f.Confusion), b.Folds.Select(f => f.Confusion));
        Assert.Equal(Weights(first), Weights(same));
        Assert.NotEqual(Weights(first), Weights(other));
    }

    [Fact]
    public void The_producer_thread_does_not_change_the_outcome()
    {
        using var data = new SyntheticBlobs(trainCount: 90);
        using var withProducer = new SupervisedTrialRunner(data, new TinyMlp(), [new GaussianNoise()], Options(epochs: 2) with { PrefetchBatches = 3 });
        using var without = new SupervisedTrialRunner(data, new TinyMlp(), [new GaussianNoise()], Options(epochs: 2) with { PrefetchBatches = 0 });

        TrialOutcome a = withProducer.Run(TrialParams.Fixed(schedule: "cosine"), new TrialContext { Seed = 5 });
        TrialOutcome b = without.Run(TrialParams.Fixed(schedule: "cosine"), new TrialContext { Seed = 5 });

        Assert.Equal(a.Metrics, b.Metrics);
    }

    [Fact]
    public void Cancellation_stops_the_trial_within_the_epoch_it_was_requested_in()
    {
        using var data = new SyntheticBlobs(trainCount: 90);
        using var runner = new SupervisedTrialRunner(data, new TinyMlp(), [], Options(epochs: 50));
        using var cancel = new CancellationTokenSource();
        var ticks = new List<TrainingProgress>();
        var progress = new InlineProgress(p =>
        {
            ticks.Add(p);
            if (p.Epoch == 2) cancel.Cancel();
        });
        FixedTrial trial = TrialParams.Fixed();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            runner.Run(trial, new TrialContext { Seed = 1, Cancellation = cancel.Token, Progress = progress }));

        Assert.Equal(2, ticks.Count);
        Assert.Equal([0, 0], ticks.Select(t => t.Fold));
        Assert.Equal(2, trial.IntermediateValues.Count);
    }

    [Fact]
    public void A_cancelled_run_still_suggests_every_hyperparameter_before_stopping()
    {
        using var data = new SyntheticBlobs(trainCount: 60);
        using var runner = new SupervisedTrialRunner(data, new TinyMlp(), [new GaussianNoise()], Options());
        Study study = Study.Create(new StudyOptions { Sampler = new RandomSampler(seed: 4) });
        Trial trial = study.Ask();

        Assert.ThrowsAny<OperationCanceledException>(() => runner.Run(trial, new TrialContext { Seed = 1, Cancellation = new CancellationToken(canceled: true) }));

        Assert.Contains("train.optimizer", trial.Params.Keys);
        Assert.Contains("noise.std", trial.Params.Keys);
        Assert.Contains("tiny.hidden", trial.Params.Keys);
        Assert.Empty(study.Trials[0].IntermediateValues);
    }

    [Fact]
    public void Early_stopping_ends_folds_on_a_plateau_before_the_epoch_limit()
    {
        using var data = new SyntheticBlobs(trainCount: 90);
        SupervisedRunOptions options = Options(epochs: 40) with { EarlyStoppingPatience = 2 };
        using var runner = new SupervisedTrialRunner(data, new TinyMlp(), [], options);
        FixedTrial trial = TrialParams.Fixed(optimizer: "sgd", lr: 1e-4, momentum: 0.0);

        TrialOutcome outcome = runner.Run(trial, new TrialContext { Seed = 2 });

        Assert.All(outcome.Folds, f => Assert.InRange(f.Epochs, 3, 39));
        Assert.All(outcome.Folds, f => Assert.Equal(f.Epochs, trial.IntermediateValues.Count(k => k.Key.Fold == f.Fold)));
    }

    [Fact]
    public void A_final_model_round_trips_through_its_folder_and_reports_test_metrics_on_the_test_split_only()
    {
        using var data = new SyntheticBlobs(trainCount: 120, testCount: 33);
        using var runner = new SupervisedTrialRunner(data, new TinyMlp(), [new GaussianNoise()], Options());
        string folder = Path.Combine(Path.GetTempPath(), $"autodnn-model-{Guid.NewGuid():N}");
        try
        {
            using FinalModel trained = runner.TrainFinal(TrialParams.Fixed(hidden: 9), new TrialContext { Seed = 4 }, epochs: 4, folder);
            using FinalModel loaded = SupervisedTrialRunner.LoadModel(folder, new TinyMlp());
            var (inputs, labels) = Examples(data.Test!);

            var before = trained.Predict(inputs);
            var after = loaded.Predict(inputs);

            Assert.True(File.Exists(Path.Combine(folder, ModelManifest.WeightsFileName)));
            Assert.Equal(before.Select(p => p.ClassIndex), after.Select(p => p.ClassIndex));
            Assert.Equal(before.SelectMany(p => p.Probabilities), after.SelectMany(p => p.Probabilities));
            Assert.Equal(33, trained.TestConfusion!.Sum(row => row.Sum()));
            double accuracy = before.Zip(labels).Count(p => p.First.ClassIndex == p.Second) / 33.0;
            Assert.Equal(accuracy, trained.TestMetrics!["accuracy"], 12);
            Assert.Equal(trained.TestMetrics, loaded.TestMetrics);
            Assert.Equal(9L, loaded.Manifest.Params["tiny.hidden"].GetInt64());
            Assert.Equal(["class0", "class1", "class2"], loaded.Manifest.Classes);
            Assert.Equal(120, loaded.Manifest.TrainingExamples);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Loading_with_another_architecture_or_without_a_manifest_names_the_problem()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"autodnn-model-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            Assert.Contains("holds no model.json", Assert.Throws<FileNotFoundException>(() => SupervisedTrialRunner.LoadModel(folder, new TinyMlp())).Message);
            File.WriteAllText(Path.Combine(folder, ModelManifest.FileName), "{ not json");
            Assert.Contains("not a valid model manifest", Assert.Throws<InvalidDataException>(() => SupervisedTrialRunner.LoadModel(folder, new TinyMlp())).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Options_are_checked_once_with_the_option_and_value_named()
    {
        using var data = new SyntheticBlobs(trainCount: 30);
        var e = Assert.Throws<ArgumentException>(() => new SupervisedTrialRunner(data, new TinyMlp(), [], Options() with { Folds = 1 }));
        Assert.Contains("SupervisedRunOptions.Folds = 1", e.Message);
        e = Assert.Throws<ArgumentException>(() => new SupervisedTrialRunner(data, new TinyMlp(), [], Options() with { Metric = "acc" }));
        Assert.Contains("'acc'", e.Message);
        e = Assert.Throws<ArgumentException>(() => new SupervisedTrialRunner(data, new TinyMlp(), [], Options() with { TaskKind = Abstractions.Plugins.TaskKind.ImageClassification }));
        Assert.Contains("architecture 'tiny' serves TabularClassification", e.Message);
    }

    [Fact]
    public void Max_examples_trains_on_a_stratified_subsample_and_holdout_gives_one_fold()
    {
        using var data = new SyntheticBlobs(trainCount: 120);
        using var runner = new SupervisedTrialRunner(data, new TinyMlp(), [], Options(epochs: 1) with { MaxExamples = 60, Validation = ValidationKind.Holdout });
        FixedTrial trial = TrialParams.Fixed();

        TrialOutcome outcome = runner.Run(trial, new TrialContext { Seed = 3 });

        Assert.Equal(60, runner.ExampleCount);
        Assert.Equal(12, runner.Folds.Single().Validation.Count);
        Assert.Equal(0, outcome.Folds.Single().Fold);
        Assert.Equal(12, outcome.Folds[0].Confusion!.Sum(r => r.Sum()));
        Assert.Contains("loss", outcome.Metrics.Keys);
        Assert.Contains("f1_macro", outcome.Metrics.Keys);
    }

    private static float[] Weights(FinalModel model) =>
        model.Module.Parameters().SelectMany(p => p.ToArray<float>()).ToArray();

    private static (List<Torch.Tensor> Inputs, List<int> Labels) Examples(Abstractions.Plugins.IExampleSet set)
    {
        var inputs = new List<Torch.Tensor>();
        var labels = new List<int>();
        for (int i = 0; i < set.Count; i++)
        {
            var example = set.Get(i);
            inputs.Add(example.Input);
            labels.Add(example.Label);
        }
        return (inputs, labels);
    }

    private sealed class InlineProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
