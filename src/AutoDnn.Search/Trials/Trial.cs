using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Studies;

namespace AutoDnn.Search.Trials;

/// <summary>The live, define-by-run trial handed to an objective by <see cref="Study.Ask()"/>; writes go straight to storage.</summary>
/// <remarks>
/// A suggestion is taken, in order, from: the value this trial already has for that name; a single-valued domain;
/// an enqueued value; the sampler's relative proposal; the sampler's independent sample. Used by one thread.
/// </remarks>
public sealed class Trial : ITrial
{
    private readonly IReadOnlyDictionary<string, Distribution> _relativeSpace;
    private readonly IReadOnlyDictionary<string, double> _relativeParams;

    internal Trial(
        Study study,
        FrozenTrial snapshot,
        IReadOnlyDictionary<string, Distribution> relativeSpace,
        IReadOnlyDictionary<string, double> relativeParams)
    {
        Study = study;
        Snapshot = snapshot;
        _relativeSpace = relativeSpace;
        _relativeParams = relativeParams;
    }

    public Study Study { get; }

    /// <summary>This trial as last written by it (params, reports, attributes).</summary>
    public FrozenTrial Snapshot { get; private set; }

    public long TrialId => Snapshot.TrialId;

    /// <inheritdoc />
    public int Number => Snapshot.Number;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Params => Snapshot.Params;

    public IReadOnlyDictionary<string, Distribution> Distributions => Snapshot.Distributions;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, JsonElement> UserAttributes => Snapshot.UserAttributes;

    /// <inheritdoc />
    public double SuggestFloat(string name, double low, double high, bool log = false, double? step = null) =>
        (double)Suggest(name, Create(name, () => new FloatDistribution(low, high, log, step)))!;

    /// <inheritdoc />
    public int SuggestInt(string name, int low, int high, bool log = false, int step = 1) =>
        (int)Suggest(name, Create(name, () => new IntDistribution(low, high, log, step)))!;

    /// <inheritdoc />
    public T SuggestCategorical<T>(string name, IReadOnlyList<T> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return (T)Suggest(name, Create(name, () => new CategoricalDistribution(choices.Select(c => (object?)c).ToArray())))!;
    }

    /// <inheritdoc />
    public object? Suggest(string name, Distribution distribution)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(distribution);
        if (Snapshot.Distributions.TryGetValue(name, out Distribution? existing))
        {
            if (!existing.IsCompatibleWith(distribution))
            {
                throw new ArgumentException(
                    $"Hyperparameter '{name}' was already suggested as {existing} in trial {Number}; {distribution} is not compatible.", name);
            }

            return distribution.ToExternal(Snapshot.InternalParams[name]);
        }

        double value = Choose(name, distribution);
        Study.Storage.SetTrialParam(TrialId, name, value, distribution);
        Snapshot = Study.Storage.GetTrial(TrialId);
        return distribution.ToExternal(value);
    }

    /// <inheritdoc />
    public void Report(double value, int step, int fold = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfNegative(fold);
        if (Snapshot.IntermediateValues.ContainsKey(new IntermediateKey(fold, step)))
        {
            throw new InvalidOperationException($"Trial {Number} already reported a value at step {step} of fold {fold}.");
        }

        Study.Storage.ReportIntermediate(TrialId, fold, step, value);
        Snapshot = Study.Storage.GetTrial(TrialId);
    }

    /// <inheritdoc />
    public bool ShouldPrune()
    {
        if (Study.IsMultiObjective)
        {
            throw new InvalidOperationException($"Pruning is not defined for multi-objective studies (study '{Study.Name}').");
        }

        return Study.Pruner.ShouldPrune(Study.Snapshot(), Snapshot);
    }

    /// <inheritdoc />
    public void SetUserAttribute<T>(string key, T value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Study.Storage.SetTrialAttribute(TrialId, Storage.AttributeScope.User, key, JsonSerializer.SerializeToElement(value));
        Snapshot = Study.Storage.GetTrial(TrialId);
    }

    private static Distribution Create(string name, Func<Distribution> create)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            string reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw new ArgumentException($"Hyperparameter '{name}': {reason}", name, e);
        }
    }

    private double Choose(string name, Distribution distribution)
    {
        if (distribution.IsSingle)
        {
            return distribution.Nearest(0);
        }

        if (FixedParams.TryGetInternal(Snapshot, name, distribution, out double enqueued))
        {
            return enqueued;
        }

        if (_relativeParams.TryGetValue(name, out double relative)
            && _relativeSpace.TryGetValue(name, out Distribution? relativeDistribution)
            && relativeDistribution.IsCompatibleWith(distribution)
            && distribution.Contains(relative))
        {
            return relative;
        }

        double sampled = Study.Sampler.SampleIndependent(Study.Snapshot(), Snapshot, name, distribution);
        if (!distribution.Contains(sampled))
        {
            throw new InvalidOperationException(
                $"{Study.Sampler.GetType().Name} sampled {sampled} for '{name}', which is outside {distribution}.");
        }

        return sampled;
    }
}
