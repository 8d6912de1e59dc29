namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>How a supervised campaign splits its data into training and validation folds.</summary>
public enum CrossValidationKind
{
    /// <summary>k folds that keep each class's share (the default).</summary>
    Stratified,

    /// <summary>k shuffled folds.</summary>
    KFold,

    /// <summary>One split with a held-out fraction.</summary>
    Holdout,
}
