using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers.Tpe;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers;

/// <summary>
/// Tree-structured Parzen estimator (Optuna 3.1's TPESampler): models the best gamma(n) trials as l(x) and the rest as
/// g(x), draws candidates from l and keeps the one maximizing l(x)/g(x). Univariate by default; multivariate, group
/// decomposition, constant liar, constraints and multi-objective (non-domination rank + hypervolume) as in Optuna.
/// </summary>
/// <remarks>
/// Everything is recomputed from the snapshot on each call, so workers sharing a storage see the same model; the only
/// state is the seeded generator, locked so that concurrent suggestions stay valid.
/// </remarks>
public sealed class TpeSampler : ISampler
{
    private readonly Lock _gate = new();
    private readonly Random _random;

    /// <summary>Creates a sampler with the given options (Optuna 3.1 defaults when null); the options are validated here.</summary>
    public TpeSampler(TpeSamplerOptions? options = null)
    {
        Options = options ?? new TpeSamplerOptions();
        Options.Validate();
        _random = Options.Seed is { } s ? new Random(s) : new Random();
    }

    /// <summary>Creates a sampler with Optuna 3.1's defaults and the given seed.</summary>
    public TpeSampler(int? seed)
        : this(new TpeSamplerOptions { Seed = seed })
    {
    }

    public TpeSamplerOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Distribution> InferRelativeSearchSpace(StudySnapshot study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (!Options.Multivariate)
        {
            return new Dictionary<string, Distribution>();
        }

        if (!Options.Group)
        {
            return TpeSearchSpace.Intersection(study);
        }

        var space = new SortedDictionary<string, Distribution>(StringComparer.Ordinal);
        foreach (var group in TpeSearchSpace.Groups(study))
        {
            foreach ((string name, Distribution distribution) in group.Where(p => !p.Value.IsSingle))
            {
                space[name] = distribution;
            }
        }

        return space;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> SampleRelative(
        StudySnapshot study,
        FrozenTrial trial,
        IReadOnlyDictionary<string, Distribution> searchSpace)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(searchSpace);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (searchSpace.Count == 0)
        {
            return result;
        }

        IEnumerable<IReadOnlyList<string>> subspaces = Options.Group
            ? TpeSearchSpace.Groups(study).Select(g => (IReadOnlyList<string>)g.Keys.Where(searchSpace.ContainsKey).ToList())
            : [searchSpace.Keys.Order(StringComparer.Ordinal).ToList()];
        lock (_gate)
        {
            foreach (IReadOnlyList<string> names in subspaces.Where(s => s.Count > 0))
            {
                var parameters = names.Select(n => new TpeParameter(n, searchSpace[n])).ToList();
                if (Propose(study, trial, parameters) is { } values)
                {
                    for (int p = 0; p < parameters.Count; p++)
                    {
                        result[parameters[p].Name] = values[p];
                    }
                }
            }
        }

        return result;
    }

    /// <inheritdoc />
    public double SampleIndependent(StudySnapshot study, FrozenTrial trial, string name, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(distribution);
        lock (_gate)
        {
            if (distribution.IsSingle)
            {
                return RandomSampler.Sample(distribution, _random);
            }

            double[]? values = Propose(study, trial, [new TpeParameter(name, distribution)]);
            return values?[0] ?? RandomSampler.Sample(distribution, _random);
        }
    }

    // One TPE step over the given parameters; null while fewer than StartupTrials trials are finished.
    private double[]? Propose(StudySnapshot study, FrozenTrial current, IReadOnlyList<TpeParameter> parameters)
    {
        List<TpeObservation> observations = TpeHistory.Collect(study, current, parameters, Options.ConstantLiar, out bool useViolations);
        int finished = observations.Count(o => o.IsFinished);
        if (finished < Options.StartupTrials || finished == 0)
        {
            return null;
        }

        (int[] below, int[] above) = TpeSplitter.Split(observations, Options.Gamma(finished), useViolations);
        double[]? belowWeights = study.IsMultiObjective ? TpeSplitter.MultiObjectiveWeights(observations, below, useViolations) : null;
        int[] keptBelow = Enumerable.Range(0, below.Length).Where(j => observations[below[j]].HasAllValues).ToArray();
        double[][] belowValues = Columns(parameters.Count, keptBelow.Select(j => observations[below[j]]));
        double[][] aboveValues = Columns(parameters.Count, above.Select(i => observations[i]).Where(o => o.HasAllValues));

        var good = new ParzenEstimator(parameters, belowValues, belowWeights is null ? null : keptBelow.Select(j => belowWeights[j]).ToArray(), Options);
        var bad = new ParzenEstimator(parameters, aboveValues, null, Options);
        double[][] candidates = good.Sample(_random, Options.EiCandidates);
        double[] logGood = good.LogPdf(candidates);
        double[] logBad = bad.LogPdf(candidates);
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int s = 0; s < logGood.Length; s++)
        {
            double score = logGood[s] - logBad[s];
            if (score > bestScore)
            {
                (best, bestScore) = (s, score);
            }
        }

        return candidates.Select(column => column[best]).ToArray();
    }

    private static double[][] Columns(int parameterCount, IEnumerable<TpeObservation> rows)
    {
        var list = rows.ToList();
        var columns = new double[parameterCount][];
        for (int p = 0; p < parameterCount; p++)
        {
            columns[p] = list.Select(o => o.Values[p]).ToArray();
        }

        return columns;
    }
}
