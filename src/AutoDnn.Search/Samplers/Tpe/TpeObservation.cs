namespace AutoDnn.Search.Samplers.Tpe;

/// <summary>
/// One trial as TPE ranks it: Optuna's (−step, signed losses) key, where complete trials have step key −∞, pruned ones
/// −(last step) and running ones (constant liar) +∞; plus the summed constraint violation and the parameter values
/// (NaN where the trial lacks a parameter).
/// </summary>
internal readonly record struct TpeObservation(double StepKey, double[] Losses, double Violation, double[] Values)
{
    /// <summary>True for complete and pruned trials (the n of gamma(n)); false for running ones.</summary>
    public bool IsFinished => !double.IsPositiveInfinity(StepKey);

    /// <summary>True when the trial has every modelled parameter.</summary>
    public bool HasAllValues => Values.All(v => !double.IsNaN(v));
}
