using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Optim;
using TorchOptimizer = AutoDnn.Torch.Optim.Optimizer;

namespace AutoDnn.Training.Supervised;

/// <summary>
/// The trainer's own searched hyperparameters (names prefixed "train."): optimizer, learning rate, batch size, weight
/// decay, SGD momentum, learning-rate schedule and gradient clipping; plus the optimizer and schedule they describe.
/// </summary>
public sealed record TrainingHyperparameters(
    string Optimizer,
    double LearningRate,
    int BatchSize,
    double WeightDecay,
    double? Momentum,
    string Schedule,
    double? ClipNorm)
{
    public const string OptimizerName = "train.optimizer";
    public const string LearningRateName = "train.lr";
    public const string BatchSizeName = "train.batch_size";
    public const string WeightDecayName = "train.weight_decay";
    public const string MomentumName = "train.momentum";
    public const string ScheduleName = "train.schedule";
    public const string ClipNormName = "train.clip_norm";

    /// <summary>Choices of <see cref="OptimizerName"/>.</summary>
    public static IReadOnlyList<string> Optimizers { get; } = ["adam", "adamw", "sgd", "rmsprop"];

    /// <summary>Choices of <see cref="BatchSizeName"/>.</summary>
    public static IReadOnlyList<int> BatchSizes { get; } = [32, 64, 128];

    /// <summary>Choices of <see cref="ScheduleName"/>: constant, cosine (5% linear warm-up, then cosine to 0), one-cycle.</summary>
    public static IReadOnlyList<string> Schedules { get; } = ["constant", "cosine", "onecycle"];

    /// <summary>Choices of <see cref="ClipNormName"/>: null (no clipping) or the maximal global gradient 2-norm.</summary>
    public static IReadOnlyList<double?> ClipNorms { get; } = [null, 1.0, 5.0];

    /// <summary>The learning-rate range (log-uniform), one for every optimizer so the name keeps one distribution.</summary>
    public static (double Low, double High) LearningRateRange { get; } = (1e-4, 3e-1);

    /// <summary>The weight-decay range (log-uniform).</summary>
    public static (double Low, double High) WeightDecayRange { get; } = (1e-6, 1e-2);

    /// <summary>The SGD momentum range, suggested only when the optimizer is SGD.</summary>
    public static (double Low, double High) MomentumRange { get; } = (0.0, 0.99);

    /// <summary>Suggests every hyperparameter on <paramref name="trial"/> (define-by-run, momentum only for SGD).</summary>
    public static TrainingHyperparameters Suggest(ITrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        string optimizer = trial.SuggestCategorical(OptimizerName, Optimizers);
        double lr = trial.SuggestFloat(LearningRateName, LearningRateRange.Low, LearningRateRange.High, log: true);
        int batchSize = trial.SuggestCategorical(BatchSizeName, BatchSizes);
        double weightDecay = trial.SuggestFloat(WeightDecayName, WeightDecayRange.Low, WeightDecayRange.High, log: true);
        double? momentum = optimizer == "sgd" ? trial.SuggestFloat(MomentumName, MomentumRange.Low, MomentumRange.High) : null;
        string schedule = trial.SuggestCategorical(ScheduleName, Schedules);
        double? clipNorm = trial.SuggestCategorical(ClipNormName, ClipNorms);
        return new TrainingHyperparameters(optimizer, lr, batchSize, weightDecay, momentum, schedule, clipNorm);
    }

    /// <summary>The optimizer over <paramref name="parameters"/>.</summary>
    public TorchOptimizer CreateOptimizer(IEnumerable<Tensor> parameters) => Optimizer switch
    {
        "adam" => new Adam(parameters, LearningRate, weightDecay: WeightDecay),
        "adamw" => new AdamW(parameters, LearningRate, weightDecay: WeightDecay),
        "sgd" => new Sgd(parameters, LearningRate, momentum: Momentum ?? 0, weightDecay: WeightDecay),
        "rmsprop" => new RmsProp(parameters, LearningRate, weightDecay: WeightDecay),
        _ => throw new ArgumentException($"{OptimizerName} = '{Optimizer}' is not one of {string.Join(", ", Optimizers)}"),
    };

    /// <summary>The per-batch schedule over <paramref name="totalSteps"/> optimizer steps, or null for a constant rate.</summary>
    public LRScheduler? CreateSchedule(TorchOptimizer optimizer, int totalSteps)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 1);
        return Schedule switch
        {
            "constant" => null,
            "cosine" when totalSteps < 2 => null,
            "cosine" => new CosineWarmupLR(optimizer, warmupSteps: Math.Min(totalSteps - 1, (int)Math.Ceiling(totalSteps * 0.05)), totalSteps),
            // Momentum is cycled only where there is some (Adam's β₁, SGD with momentum), as PyTorch does by default.
            "onecycle" => new OneCycleLR(optimizer, maxLR: LearningRate, totalSteps, cycleMomentum: (optimizer.Momentum ?? 0) > 0),
            _ => throw new ArgumentException($"{ScheduleName} = '{Schedule}' is not one of {string.Join(", ", Schedules)}"),
        };
    }
}
