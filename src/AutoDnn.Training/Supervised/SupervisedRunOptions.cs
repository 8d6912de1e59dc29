using AutoDnn.Abstractions.Plugins;
using AutoDnn.Training.CrossValidation;
using AutoDnn.Training.Metrics;

namespace AutoDnn.Training.Supervised;

/// <summary>How <see cref="SupervisedTrialRunner"/> trains every trial of a campaign: validation, epochs, objective metric.</summary>
public sealed record SupervisedRunOptions
{
    /// <summary>The task: image, text or tabular classification.</summary>
    public required TaskKind TaskKind { get; init; }

    /// <summary>How examples are split for validation.</summary>
    public ValidationKind Validation { get; init; } = ValidationKind.StratifiedKFold;

    /// <summary>Number of folds for the k-fold kinds (≥ 2).</summary>
    public int Folds { get; init; } = 3;

    /// <summary>Fraction of examples held out for validation with <see cref="ValidationKind.Holdout"/>.</summary>
    public double HoldoutFraction { get; init; } = 0.2;

    /// <summary>The campaign seed the folds (and the <see cref="MaxExamples"/> subsample) derive from: every trial sees
    /// the same folds, so pruners compare like with like.</summary>
    public int SplitSeed { get; init; }

    /// <summary>Epochs per fold (≥ 1).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>The objective metric reported to the trial, a <see cref="MetricCatalog"/> name.</summary>
    public string Metric { get; init; } = "accuracy";

    /// <summary>Stop a fold after this many epochs without improvement of <see cref="Metric"/> and restore the best
    /// epoch's weights; null turns early stopping off.</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>Train on a seeded stratified subsample of this many examples; null uses them all.</summary>
    public int? MaxExamples { get; init; }

    /// <summary>Batches the background producer prepares ahead; 0 prepares them on the training thread.</summary>
    public int PrefetchBatches { get; init; } = 2;

    /// <summary>Examples per forward pass when evaluating (no gradients, so larger than training batches).</summary>
    public int EvaluationBatchSize { get; init; } = 512;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid option and its value.</summary>
    public void Validate()
    {
        if (TaskKind is not (TaskKind.ImageClassification or TaskKind.TextClassification or TaskKind.TabularClassification))
            throw new ArgumentException($"SupervisedRunOptions.TaskKind = {TaskKind}: the supervised trainer needs a classification task (reinforcement learning has its own runner)", nameof(TaskKind));
        if (!Enum.IsDefined(Validation))
            throw new ArgumentException($"SupervisedRunOptions.Validation = {Validation} is not one of {string.Join(", ", Enum.GetNames<ValidationKind>())}", nameof(Validation));
        if (Validation != ValidationKind.Holdout && Folds < 2)
            throw new ArgumentException($"SupervisedRunOptions.Folds = {Folds}: k-fold cross-validation needs at least 2 folds (use Validation = Holdout for one split)", nameof(Folds));
        if (Validation == ValidationKind.Holdout && !(HoldoutFraction > 0 && HoldoutFraction < 1))
            throw new ArgumentException($"SupervisedRunOptions.HoldoutFraction = {HoldoutFraction} must lie strictly between 0 and 1", nameof(HoldoutFraction));
        if (Epochs < 1)
            throw new ArgumentException($"SupervisedRunOptions.Epochs = {Epochs} must be at least 1", nameof(Epochs));
        if (!MetricCatalog.Names.Contains(Metric, StringComparer.Ordinal))
            throw new ArgumentException($"SupervisedRunOptions.Metric = '{Metric}' is not a known metric; known metrics: {string.Join(", ", MetricCatalog.Names)}", nameof(Metric));
        if (EarlyStoppingPatience is < 1)
            throw new ArgumentException($"SupervisedRunOptions.EarlyStoppingPatience = {EarlyStoppingPatience} must be at least 1 (or null for no early stopping)", nameof(EarlyStoppingPatience));
        if (MaxExamples is < 2)
            throw new ArgumentException($"SupervisedRunOptions.MaxExamples = {MaxExamples} must be at least 2 (or null for all examples)", nameof(MaxExamples));
        if (PrefetchBatches < 0)
            throw new ArgumentException($"SupervisedRunOptions.PrefetchBatches = {PrefetchBatches} must be 0 (no producer thread) or more", nameof(PrefetchBatches));
        if (EvaluationBatchSize < 1)
            throw new ArgumentException($"SupervisedRunOptions.EvaluationBatchSize = {EvaluationBatchSize} must be at least 1", nameof(EvaluationBatchSize));
    }

    /// <summary>The splitter these options describe.</summary>
    public IFoldSplitter CreateSplitter() => Validation switch
    {
        ValidationKind.StratifiedKFold => new StratifiedKFold(Folds, SplitSeed),
        ValidationKind.KFold => new KFold(Folds, SplitSeed),
        _ => new Holdout(HoldoutFraction, SplitSeed),
    };
}
