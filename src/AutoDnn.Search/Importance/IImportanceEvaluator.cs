using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Importance;

/// <summary>Scores how much each hyperparameter explains the variation of an objective over finished trials.</summary>
/// <remarks>
/// Called by <see cref="ParameterImportance"/> with completed trials that all have every parameter, each with a
/// finite target, and only parameters whose domain holds more than one value. Returns a non-negative raw score per
/// parameter; normalization and ordering are done by the caller.
/// </remarks>
public interface IImportanceEvaluator
{
    IReadOnlyDictionary<string, double> Evaluate(IReadOnlyList<FrozenTrial> trials, IReadOnlyList<string> parameters, IReadOnlyList<double> targets);
}
