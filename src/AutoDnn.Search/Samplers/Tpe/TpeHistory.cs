using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers.Tpe;

/// <summary>Turns a study snapshot into TPE observations (Optuna 3.1's _get_observation_pairs).</summary>
internal static class TpeHistory
{
    /// <summary>
    /// Complete trials (and, for one objective, pruned trials ranked by their last step, and with constantLiar the other
    /// running trials as the worst), in number order. useViolations is true when any finished trial carries constraints.
    /// </summary>
    public static List<TpeObservation> Collect(
        StudySnapshot study, FrozenTrial current, IReadOnlyList<TpeParameter> parameters, bool constantLiar, out bool useViolations)
    {
        double[] signs = study.Directions.Select(d => d == StudyDirection.Minimize ? 1.0 : -1.0).ToArray();
        bool multi = study.IsMultiObjective;
        useViolations = study.Trials.Any(t => t.State is TrialState.Complete or TrialState.Pruned && t.Constraints is not null);
        var observations = new List<TpeObservation>(study.Trials.Count);
        foreach (FrozenTrial trial in study.Trials)
        {
            if (trial.Number == current.Number)
            {
                continue;
            }

            (double stepKey, double[] losses)? score = trial.State switch
            {
                TrialState.Complete when trial.Values is { } v => (double.NegativeInfinity, v.Select((x, k) => signs[k] * x).ToArray()),
                TrialState.Pruned when !multi => PrunedScore(trial, signs[0]),
                TrialState.Running when constantLiar && !multi => (double.PositiveInfinity, [double.PositiveInfinity]),
                _ => null,
            };
            if (score is not { } s)
            {
                continue;
            }

            double violation = trial.State == TrialState.Running || trial.Constraints is null
                ? double.PositiveInfinity
                : trial.Constraints.Where(c => c > 0).Sum();
            observations.Add(new TpeObservation(s.stepKey, s.losses, useViolations ? violation : 0, Values(trial, parameters)));
        }

        return observations;
    }

    // Optuna ranks a pruned trial by (-last step, value there): later steps rank before earlier ones.
    private static (double, double[]) PrunedScore(FrozenTrial trial, double sign)
    {
        if (trial.LastStep is not { } step)
        {
            return (1, [0.0]);
        }

        double[] atStep = trial.IntermediateValues.Where(p => p.Key.Step == step).Select(p => p.Value).ToArray();
        double value = atStep.Average();
        return (-step, [double.IsNaN(value) ? double.PositiveInfinity : sign * value]);
    }

    private static double[] Values(FrozenTrial trial, IReadOnlyList<TpeParameter> parameters)
    {
        var values = new double[parameters.Count];
        for (int p = 0; p < parameters.Count; p++)
        {
            TpeParameter parameter = parameters[p];
            values[p] = trial.Distributions.TryGetValue(parameter.Name, out Distribution? d)
                && d.IsCompatibleWith(parameter.Distribution)
                && trial.InternalParams.TryGetValue(parameter.Name, out double x)
                ? x
                : double.NaN;
        }

        return values;
    }
}
