using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Importance;

/// <summary>Entry point for hyperparameter importance: which parameters explain the objective over completed trials, as shares summing to 1.</summary>
/// <remarks>
/// Uses completed trials that have every requested parameter (so conditional parameters are judged on the trials
/// where they exist) and a finite target. Without <c>parameters</c>, the parameters present in every completed
/// trial are used. A parameter whose domain holds one value gets 0. The result enumerates from most to least
/// important (ties by name).
/// </remarks>
public static class ParameterImportance
{
    /// <summary>Importances over a study's completed trials (default evaluator: an unseeded <see cref="FanovaImportanceEvaluator"/>).</summary>
    public static IReadOnlyDictionary<string, double> Evaluate(
        StudySnapshot study,
        IImportanceEvaluator? evaluator = null,
        IReadOnlyList<string>? parameters = null,
        Func<FrozenTrial, double>? target = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.IsMultiObjective && target is null)
        {
            throw new ArgumentException(
                $"Study '{study.Name}' has {study.Directions.Count} objectives; pass a target that picks one value per trial.", nameof(target));
        }

        return Evaluate(study.Trials, evaluator, parameters, target);
    }

    /// <summary>Importances over the completed trials among <paramref name="trials"/>.</summary>
    public static IReadOnlyDictionary<string, double> Evaluate(
        IEnumerable<FrozenTrial> trials,
        IImportanceEvaluator? evaluator = null,
        IReadOnlyList<string>? parameters = null,
        Func<FrozenTrial, double>? target = null)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var completed = trials.Where(t => t.State == TrialState.Complete).ToList();
        if (target is null && completed.FirstOrDefault(t => t.Values is not { Count: 1 }) is { } multi)
        {
            throw new ArgumentException(
                $"Trial {multi.Number} has {multi.Values?.Count ?? 0} objective values; pass a target that picks one value per trial.", nameof(target));
        }

        if (completed.Count < 2)
        {
            throw new InvalidOperationException($"Parameter importance needs at least 2 completed trials; found {completed.Count}.");
        }

        Func<FrozenTrial, double> pick = target ?? (t => t.Values![0]);
        string[] names = parameters is null ? Common(completed) : [.. parameters];
        if (names.Length == 0)
        {
            throw new ArgumentException(parameters is null
                ? "No parameter appears in every completed trial; pass the parameters to evaluate."
                : "The list of parameters to evaluate is empty.", nameof(parameters));
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new ArgumentException($"Parameters are listed more than once: {string.Join(", ", names)}.", nameof(parameters));
        }

        foreach (string name in names.Where(n => !completed.Any(t => t.Distributions.ContainsKey(n))))
        {
            throw new ArgumentException($"Parameter '{name}' was not found in any completed trial.", nameof(parameters));
        }

        var used = completed.Where(t => names.All(t.Distributions.ContainsKey) && double.IsFinite(pick(t))).ToList();
        if (used.Count < 2)
        {
            throw new InvalidOperationException(
                $"Parameter importance needs at least 2 completed trials with a finite target and every one of [{string.Join(", ", names)}]; found {used.Count}.");
        }

        string[] varying = [.. names.Where(n => !ImportanceSpace.Joined(used, n).IsSingle)];
        var raw = new Dictionary<string, double>(StringComparer.Ordinal);
        if (varying.Length > 0)
        {
            IReadOnlyDictionary<string, double> scores = (evaluator ?? new FanovaImportanceEvaluator())
                .Evaluate(used, varying, [.. used.Select(pick)]);
            foreach (string name in varying)
            {
                double s = scores.TryGetValue(name, out double v) ? v : throw new InvalidOperationException($"The importance evaluator returned no score for '{name}'.");
                raw[name] = double.IsFinite(s) && s >= 0 ? s : throw new InvalidOperationException($"The importance evaluator returned {s} for '{name}'; scores must be finite and non-negative.");
            }
        }

        double total = raw.Values.Sum();
        if (!(total > 0))
        {
            throw new InvalidOperationException(
                $"No parameter of [{string.Join(", ", names)}] explains any variation of the target over {used.Count} trials, so importances cannot be normalized.");
        }

        var ordered = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (string name in names.OrderByDescending(n => raw.GetValueOrDefault(n)).ThenBy(n => n, StringComparer.Ordinal))
        {
            ordered.Add(name, raw.GetValueOrDefault(name) / total);
        }

        return ordered;
    }

    private static string[] Common(List<FrozenTrial> completed) =>
        completed.Count == 0
            ? []
            : [.. completed.Skip(1).Aggregate(
                completed[0].Distributions.Keys.ToHashSet(StringComparer.Ordinal),
                (set, t) => { set.IntersectWith(t.Distributions.Keys); return set; }).Order(StringComparer.Ordinal)];
}
