using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Pruners;

/// <summary>Builds hand-made learning curves and study snapshots whose right pruning answer is known.</summary>
public static class Curves
{
    /// <summary>A trial with one learning curve in fold 0 (steps 0, 1, 2, …).</summary>
    public static FrozenTrial Trial(int number, TrialState state, double? value, params double[] curve) =>
        WithFolds(number, state, value, curve);

    public static FrozenTrial Complete(int number, double value, params double[] curve) =>
        Trial(number, TrialState.Complete, value, curve);

    public static FrozenTrial Pruned(int number, params double[] curve) =>
        Trial(number, TrialState.Pruned, curve.Length == 0 ? null : curve[^1], curve);

    public static FrozenTrial Running(int number, params double[] curve) =>
        Trial(number, TrialState.Running, null, curve);

    /// <summary>A trial with one curve per cross-validation fold (fold i = foldCurves[i]).</summary>
    public static FrozenTrial WithFolds(int number, TrialState state, double? value, params double[][] foldCurves)
    {
        var intermediate = new Dictionary<IntermediateKey, double>();
        for (int fold = 0; fold < foldCurves.Length; fold++)
        {
            for (int step = 0; step < foldCurves[fold].Length; step++)
            {
                intermediate[new IntermediateKey(fold, step)] = foldCurves[fold][step];
            }
        }

        var start = DateTimeOffset.UnixEpoch.AddMinutes(number);
        return new FrozenTrial
        {
            TrialId = number,
            Number = number,
            State = state,
            Values = value is { } v ? [v] : null,
            IntermediateValues = intermediate,
            StartedAt = state == TrialState.Waiting ? null : start,
            FinishedAt = state.IsFinished() ? start.AddSeconds(30) : null,
        };
    }

    /// <summary>A trial with fold-0 values at the given (possibly non-consecutive) steps only.</summary>
    public static FrozenTrial Points(int number, TrialState state, double? value, params (int Step, double Value)[] points) =>
        WithFolds(number, state, value, []) with
        {
            IntermediateValues = points.ToDictionary(p => new IntermediateKey(0, p.Step), p => p.Value),
        };

    /// <summary>The same trial with every intermediate value negated (a minimizing history turned into a maximizing one).</summary>
    public static FrozenTrial Negated(FrozenTrial trial) =>
        trial with
        {
            Values = trial.Values?.Select(v => -v).ToArray(),
            IntermediateValues = trial.IntermediateValues.ToDictionary(p => p.Key, p => -p.Value),
        };

    public static StudySnapshot Study(StudyDirection direction, params FrozenTrial[] trials) =>
        new(studyId: 0, name: "curves", [direction], trials);
}
