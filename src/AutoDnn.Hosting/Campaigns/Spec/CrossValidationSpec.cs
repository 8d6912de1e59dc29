namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>Cross-validation: the splitter and its folds; for reinforcement learning, Folds is the number of seeds per trial.</summary>
/// <param name="Kind">Splitter (supervised only; stratified by default).</param>
/// <param name="Folds">Folds of stratified/k-fold, or seeds per RL trial (default 3); 1 for holdout.</param>
/// <param name="HoldoutFraction">Validation share of the holdout splitter (default 0.2).</param>
public sealed record CrossValidationSpec(CrossValidationKind Kind = CrossValidationKind.Stratified, int Folds = 3, double HoldoutFraction = 0.2);
