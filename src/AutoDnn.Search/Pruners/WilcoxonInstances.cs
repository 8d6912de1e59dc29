namespace AutoDnn.Search.Pruners;

/// <summary>What <see cref="WilcoxonPruner"/> pairs between a trial and the best trial.</summary>
public enum WilcoxonInstances
{
    /// <summary>One pair per cross-validation fold: each fold's value at the latest step both trials reported in it.</summary>
    Folds,

    /// <summary>One pair per reported (fold, step), as Optuna pairs steps when each step is one instance or fold.</summary>
    Steps,
}
