using System.Globalization;
using System.Text.Json;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;
using AutoDnn.Training.CrossValidation;
using AutoDnn.Training.Data;
using AutoDnn.Training.Runs;

namespace AutoDnn.Training.Supervised;

/// <summary>
/// Trains classification trials with cross-validation: one instance serves every trial of a worker. The training
/// examples are materialized once, the folds are cut once from the campaign seed (identical for every trial), and each
/// trial suggests the trainer's hyperparameters, configures the augmenters and builds a fresh model per fold.
/// </summary>
/// <remarks>
/// After every epoch of fold f the objective metric is reported as (value, step: epoch, fold: f) and the pruner asked,
/// so a trial can be stopped inside fold 0 against other trials' fold-0 curves, or between folds. Weight initialisation
/// (and dropout) draw from libtorch's global generator, seeded from the trial seed and fold before each build: results
/// are reproducible when one trial at a time runs per process.
/// </remarks>
public sealed class SupervisedTrialRunner : ITrialRunner, IDisposable
{
    private readonly IDataSource data;
    private readonly IArchitecture architecture;
    private readonly IReadOnlyList<IAugmenter> augmenters;
    private readonly SupervisedRunOptions options;
    private readonly ExampleTensors train;
    private ExampleTensors? test;
    private bool disposed;

    /// <summary>Materializes the training examples (or the <see cref="SupervisedRunOptions.MaxExamples"/> subsample) and cuts the folds.</summary>
    public SupervisedTrialRunner(IDataSource data, IArchitecture architecture, IReadOnlyList<IAugmenter> augmenters, SupervisedRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(augmenters);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        CheckTask(architecture, "architecture", options.TaskKind);
        foreach (IAugmenter augmenter in augmenters) CheckTask(augmenter, "augmenter", options.TaskKind);
        if (data.Classes.Count < 2)
            throw new ArgumentException($"the data source has {data.Classes.Count} class(es); classification needs at least 2", nameof(data));
        this.data = data;
        this.architecture = architecture;
        this.augmenters = augmenters;
        this.options = options;
        Task = new TaskSpec(options.TaskKind, data.InputShape, data.Classes.Count, data.Vocabulary?.Count ?? 0);

        int[]? subsample = options.MaxExamples is { } max && max < data.Train.Count
            ? StratifiedSubsample.Select(ReadLabels(data.Train), max, options.SplitSeed)
            : null;
        train = ExampleTensors.Load(data.Train, data.InputShape, data.Classes.Count, "train", subsample);
        try
        {
            Folds = options.CreateSplitter().Split(train.Count, train.Labels);
        }
        catch (ArgumentException e)
        {
            train.Dispose();
            throw new ArgumentException($"cannot split the {train.Count} training examples for validation ({options.Validation}): {e.Message}", nameof(options), e);
        }
    }

    /// <inheritdoc />
    public string Metric => options.Metric;

    /// <summary>The task models are built for.</summary>
    public TaskSpec Task { get; }

    /// <summary>The validation folds, identical for every trial.</summary>
    public IReadOnlyList<Fold> Folds { get; }

    /// <summary>Number of training examples used (after <see cref="SupervisedRunOptions.MaxExamples"/>).</summary>
    public int ExampleCount => train.Count;

    /// <inheritdoc />
    public TrialOutcome Run(ITrial trial, TrialContext context)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(context);
        ObjectDisposedException.ThrowIf(disposed, this);
        TrainingHyperparameters hyperparameters = TrainingHyperparameters.Suggest(trial);
        IReadOnlyList<IBatchTransform> transforms = augmenters.Select(a => a.Configure(trial)).ToList();
        var trainer = new FoldTrainer(train, Task.OutputCount, options, context.Device, context.Cancellation);
        var folds = new List<FoldOutcome>(Folds.Count);
        foreach (Fold fold in Folds)
        {
            int f = fold.Index;
            using Module<Tensor, Tensor> model = Build(trial, context, f);

            // Checked after the model is built, so that a run with an already-cancelled token traces every
            // hyperparameter (trainer, augmenters, architecture) without training: campaigns use it as a dry run.
            context.Cancellation.ThrowIfCancellationRequested();
            FoldResult result = trainer.Train(
                model, hyperparameters, transforms, fold.Train, fold.Validation, options.Epochs, context.Seed, f,
                $"fold {f + 1} of {Folds.Count}",
                (epoch, value) =>
                {
                    context.Progress?.Report(new TrainingProgress(f, Folds.Count, epoch + 1, options.Epochs, Metric, value));
                    trial.Report(value!.Value, step: epoch, fold: f);
                    if (trial.ShouldPrune())
                        throw new TrialPrunedException(
                            $"pruned at fold {f + 1} of {Folds.Count}, epoch {epoch + 1}: {Metric} = {value.Value.ToString("g4", CultureInfo.InvariantCulture)}");
                });
            folds.Add(new FoldOutcome(f, result.Metrics!, result.Epochs, result.Confusion));
        }

        TrialOutcome outcome = TrialOutcome.FromFolds(folds);
        trial.SetUserAttribute(TrialAttributeKeys.Metrics, outcome.Metrics);
        trial.SetUserAttribute(TrialAttributeKeys.MetricsStd, outcome.StandardDeviations);
        trial.SetUserAttribute(TrialAttributeKeys.FoldMetrics, folds.Select(o => new { fold = o.Fold, epochs = o.Epochs, metrics = o.Metrics, confusion = o.Confusion }).ToList());
        trial.SetUserAttribute(TrialAttributeKeys.ClassNames, data.Classes);
        return outcome;
    }

    /// <summary>
    /// Trains the trial's configuration (e.g. a <see cref="Search.Trials.FixedTrial"/> over a finished trial's Params) on
    /// all training examples for <paramref name="epochs"/> epochs, evaluates it on the data's test split when there is
    /// one, and saves it to <paramref name="modelFolder"/> (weights + model.json) when given.
    /// </summary>
    public FinalModel TrainFinal(ITrial trial, TrialContext context, int epochs, string? modelFolder)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ObjectDisposedException.ThrowIf(disposed, this);
        TrainingHyperparameters hyperparameters = TrainingHyperparameters.Suggest(trial);
        IReadOnlyList<IBatchTransform> transforms = augmenters.Select(a => a.Configure(trial)).ToList();
        var trainer = new FoldTrainer(train, Task.OutputCount, options, context.Device, context.Cancellation);
        int finalFold = Folds.Count;
        Module<Tensor, Tensor> model = Build(trial, context, finalFold);
        try
        {
            int[] all = Enumerable.Range(0, train.Count).ToArray();
            trainer.Train(
                model, hyperparameters, transforms, all, null, epochs, context.Seed, finalFold,
                $"the final training on all {train.Count} examples",
                (epoch, _) => context.Progress?.Report(new TrainingProgress(0, 1, epoch + 1, epochs, Metric, null)));

            var (trainOutcome, trainLoss) = Evaluation.Evaluate(model, train, all, Task.OutputCount, options.EvaluationBatchSize, context.Device, context.Cancellation);
            IReadOnlyDictionary<string, double>? testMetrics = null;
            long[][]? testConfusion = null;
            if (data.Test is { } testSet)
            {
                test ??= ExampleTensors.Load(testSet, data.InputShape, data.Classes.Count, "test");
                var (testOutcome, testLoss) = Evaluation.Evaluate(
                    model, test, Enumerable.Range(0, test.Count).ToArray(), Task.OutputCount, options.EvaluationBatchSize, context.Device, context.Cancellation);
                testMetrics = Evaluation.Metrics(testOutcome, testLoss);
                testConfusion = testOutcome.Confusion.ToArrays();
            }

            var manifest = new ModelManifest
            {
                Architecture = architecture.Name,
                ArchitectureVersion = architecture.Version,
                Params = trial.Params.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value), StringComparer.Ordinal),
                TaskKind = Task.Kind,
                InputShape = Task.InputShape,
                OutputCount = Task.OutputCount,
                VocabularySize = Task.VocabularySize,
                Classes = data.Classes.ToArray(),
                Vocabulary = data.Vocabulary?.ToArray(),
                Seed = context.Seed,
                Epochs = epochs,
                TrainingExamples = train.Count,
                TrainMetrics = Evaluation.Metrics(trainOutcome, trainLoss),
                TestMetrics = testMetrics,
                TestConfusion = testConfusion,
                LibTorchVersion = LibTorch.Version,
            };
            if (modelFolder is not null) ModelFiles.Save(modelFolder, model, manifest);
            model.Eval();
            return new FinalModel(model, manifest, modelFolder);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Rebuilds a saved model: the architecture builds it from model.json's parameters (a FixedTrial), then the
    /// weights are loaded. Errors name the folder and what does not fit.</summary>
    public static FinalModel LoadModel(string modelFolder, IArchitecture architecture) => ModelFiles.Load(modelFolder, architecture);

    /// <summary>The most probable class and all class probabilities of <paramref name="module"/> for each input
    /// (eval mode, no gradients; inputs of one shape, without the batch dimension).</summary>
    public static IReadOnlyList<Prediction> Predict(Module<Tensor, Tensor> module, IReadOnlyList<Tensor> inputs) => ModelFiles.Predict(module, inputs);

    /// <summary>Frees the materialized examples (the data source stays open: its owner disposes it).</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        train.Dispose();
        test?.Dispose();
    }

    private Module<Tensor, Tensor> Build(ITrial trial, TrialContext context, int fold)
    {
        Module<Tensor, Tensor> model = SeededBuild.Run(Seeds.Mix(context.Seed, Seeds.Weights, fold), () => architecture.Build(trial, Task))
            ?? throw new InvalidOperationException($"architecture '{architecture.Name}' built no model (null)");
        try
        {
            if (context.Device != Device.Cpu) model.To(context.Device);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static IReadOnlyList<int> ReadLabels(IExampleSet set)
    {
        var labels = new int[set.Count];
        for (int start = 0; start < labels.Length; start += 1024)
        {
            using var scope = LibTorch.NewScope();
            for (int i = start; i < Math.Min(labels.Length, start + 1024); i++) labels[i] = set.Get(i).Label;
        }
        return labels;
    }

    private static void CheckTask(IPlugin plugin, string role, TaskKind kind)
    {
        if (plugin.Task != kind)
            throw new ArgumentException($"{role} '{plugin.Name}' serves {plugin.Task}, but this run is {kind}");
    }
}
