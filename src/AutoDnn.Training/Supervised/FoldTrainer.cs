using System.Globalization;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;
using AutoDnn.Torch.Optim;
using AutoDnn.Training.Data;
using AutoDnn.Training.Metrics;
using AutoDnn.Training.Runs;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Training.Supervised;

/// <summary>
/// Trains one model on one set of training indices: seeded shuffling per epoch, batches from a <see cref="BatchProducer"/>
/// (augmented), cross-entropy, backward, clipping, optimizer and schedule steps, a NaN/inf guard; then, when there are
/// validation indices, an evaluation per epoch, early stopping with the best epoch's weights restored.
/// </summary>
internal sealed class FoldTrainer(ExampleTensors data, int classCount, SupervisedRunOptions options, Device device, CancellationToken cancellation)
{
    /// <summary>Trains <paramref name="model"/> in place.</summary>
    /// <param name="model">A fresh model on the target device.</param>
    /// <param name="hyperparameters">Optimizer, schedule, batch size, clipping.</param>
    /// <param name="transforms">The trial's augmentations (training batches only).</param>
    /// <param name="train">Training indices into the materialized set.</param>
    /// <param name="validation">Validation indices, or null to train without evaluating.</param>
    /// <param name="epochs">Epochs to run at most.</param>
    /// <param name="seed">Trial seed; shuffling and augmentation derive from it, the fold and the epoch.</param>
    /// <param name="fold">Fold index (the final model uses the fold count).</param>
    /// <param name="where">Names the run in messages, e.g. "fold 2 of 3".</param>
    /// <param name="afterEpoch">Called after each epoch with (epoch, objective value, or null without validation): progress,
    /// report and prune (may throw).</param>
    public FoldResult Train(
        Module<Tensor, Tensor> model,
        TrainingHyperparameters hyperparameters,
        IReadOnlyList<IBatchTransform> transforms,
        IReadOnlyList<int> train,
        IReadOnlyList<int>? validation,
        int epochs,
        int seed,
        int fold,
        string where,
        Action<int, double?>? afterEpoch)
    {
        var producer = new BatchProducer(data, hyperparameters.BatchSize, transforms, options.PrefetchBatches, device);
        int batches = producer.BatchCount(train.Count);
        using Optimizer optimizer = hyperparameters.CreateOptimizer(model.Parameters());
        LRScheduler? schedule = hyperparameters.CreateSchedule(optimizer, epochs * batches);
        IReadOnlyList<Tensor> parameters = model.Parameters();
        var stopping = new EarlyStopping(MetricCatalog.Get(options.Metric).Direction, options.EarlyStoppingPatience);
        OrderedDictionary<string, Tensor>? bestState = null;
        IReadOnlyDictionary<string, double>? bestMetrics = null, lastMetrics = null;
        long[][]? bestConfusion = null, lastConfusion = null;
        int epochsRun = 0;
        int[] order = train.ToArray();
        try
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                model.Train();
                Shuffle(order, new Random(Seeds.MixInt(seed, Seeds.Shuffle, fold, epoch)));
                int b = 0;
                foreach (Batch batch in producer.Epoch(order, Seeds.Mix(seed, Seeds.Augment, fold, epoch)))
                {
                    using (batch)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        using var scope = LibTorch.NewScope();
                        Tensor loss = F.CrossEntropy(Evaluation.Logits(model, batch.Inputs, classCount), batch.Labels);
                        double value = loss.Item();
                        if (!double.IsFinite(value))
                            throw new TrialFailedException(
                                $"the training loss became {Describe(value)} at {where}, epoch {epoch + 1} of {epochs}, batch {b + 1} of {batches} "
                                + $"({hyperparameters.Optimizer}, lr {hyperparameters.LearningRate.ToString("g3", CultureInfo.InvariantCulture)}): the model diverged");
                        optimizer.ZeroGrad();
                        loss.Backward();
                        if (hyperparameters.ClipNorm is { } maxNorm) GradientClipping.ClipGradNorm(parameters, maxNorm);
                        optimizer.Step();
                        schedule?.Step();
                    }
                    b++;
                }
                epochsRun = epoch + 1;
                if (validation is null)
                {
                    afterEpoch?.Invoke(epoch, null);
                    continue;
                }

                var (outcome, validationLoss) = Evaluation.Evaluate(model, data, validation, classCount, options.EvaluationBatchSize, device, cancellation);
                if (!double.IsFinite(validationLoss))
                    throw new TrialFailedException($"the validation loss became {Describe(validationLoss)} at {where}, epoch {epoch + 1} of {epochs}: the model diverged");
                lastMetrics = Evaluation.Metrics(outcome, validationLoss);
                lastConfusion = outcome.Confusion.ToArrays();
                double objective = lastMetrics.TryGetValue(options.Metric, out double v)
                    ? v
                    : throw new TrialFailedException($"the metric '{options.Metric}' is undefined on the validation part of {where} (is a class missing from it?)");
                if (stopping.Observe(epoch, objective))
                {
                    bestMetrics = lastMetrics;
                    bestConfusion = lastConfusion;
                    if (options.EarlyStoppingPatience is not null) bestState = Snapshot(model, bestState);
                }
                afterEpoch?.Invoke(epoch, objective);
                if (stopping.ShouldStop) break;
            }
            if (bestState is not null) model.LoadStateDict(bestState);
        }
        finally
        {
            Free(bestState);
        }
        return new FoldResult(epochsRun, stopping.BestEpoch, bestMetrics ?? lastMetrics, bestConfusion ?? lastConfusion);
    }

    private static void Shuffle(int[] items, Random random)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>An in-memory copy of the model's state dict (replacing the previous copy).</summary>
    private static OrderedDictionary<string, Tensor> Snapshot(Module model, OrderedDictionary<string, Tensor>? previous)
    {
        Free(previous);
        var copy = new OrderedDictionary<string, Tensor>();
        using var scope = LibTorch.NewScope();
        foreach (var (name, tensor) in model.StateDict()) copy[name] = tensor.Clone().DetachFromScope();
        return copy;
    }

    private static void Free(OrderedDictionary<string, Tensor>? state)
    {
        if (state is null) return;
        foreach (Tensor t in state.Values) t.Dispose();
        state.Clear();
    }

    private static string Describe(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "inf" : "-inf";
}
