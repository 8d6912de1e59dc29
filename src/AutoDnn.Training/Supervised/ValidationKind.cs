namespace AutoDnn.Training.Supervised;

/// <summary>How a trial's training examples are split into training and validation parts.</summary>
public enum ValidationKind
{
    /// <summary>k folds that each keep the class proportions (the default).</summary>
    StratifiedKFold,

    /// <summary>k folds cut from a seeded permutation, ignoring classes.</summary>
    KFold,

    /// <summary>One stratified train/validation split of <see cref="SupervisedRunOptions.HoldoutFraction"/>.</summary>
    Holdout,
}
