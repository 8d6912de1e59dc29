using AutoDnn.Abstractions.Search;

namespace AutoDnn.Training.Runs;

/// <summary>Turns one trial into numbers: suggests the training hyperparameters, trains (per fold or seed), reports
/// intermediate values to the trial (so pruners work) and returns the metrics.</summary>
/// <remarks>
/// Implementations: <c>Supervised.SupervisedTrialRunner</c> (datasets, k-fold CV) and <c>Rl.RlTrialRunner</c>
/// (environments; "folds" are independent seeds). Contract for every implementation:
/// <list type="bullet">
/// <item>intermediate values go through <see cref="ITrial.Report"/> as (value, step, fold), the value being the
/// objective metric; after each report <see cref="ITrial.ShouldPrune"/> is asked and, if true, a
/// <see cref="TrialPrunedException"/> is thrown;</item>
/// <item>a NaN/infinite loss or diverged value throws <see cref="TrialFailedException"/> with the reason (fold, epoch or
/// step, the value);</item>
/// <item>cancellation (Ctrl+C, trial time limit) throws <see cref="OperationCanceledException"/> promptly (checked at
/// least once per batch or environment step);</item>
/// <item>per-fold metrics and confusion matrices are stored with <see cref="ITrial.SetUserAttribute{T}"/> under the
/// keys in <see cref="TrialAttributeKeys"/>.</item>
/// </list>
/// </remarks>
public interface ITrialRunner
{
    /// <summary>Name of the objective metric intermediate values are reported in (e.g. "accuracy", "mean_return").</summary>
    string Metric { get; }

    /// <summary>Runs the trial to completion and returns its metrics (means over folds/seeds).</summary>
    TrialOutcome Run(ITrial trial, TrialContext context);
}
