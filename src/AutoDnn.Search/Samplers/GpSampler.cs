using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers.Gp;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Samplers;

/// <summary>Gaussian-process Bayesian optimization: Matérn-5/2 ARD kernel fitted by marginal likelihood, log-EI, space-filling start.</summary>
/// <remarks>
/// Parameters every completed trial shares are modelled jointly: floats in [0, 1] (log domains in log space), ints and
/// stepped floats as cells of equal width whose centres the kernel sees (so rounding happens inside the model),
/// categoricals through a Hamming distance. The first <c>startupTrials</c> trials, and any parameter outside the
/// shared space, take coordinates of a seeded scrambled Halton sequence indexed by trial number. Several objectives
/// are scalarized per trial with random ParEGO weights; constraints get their own GPs and multiply EI by the
/// probability of feasibility. Running trials of other workers enter as fantasies at the posterior mean (kriging
/// believer), read from their persisted relative proposal. Everything derives from the snapshot and the seed.
/// The objective's prior mean is the worst (warped) value observed so far rather than the average: far from every
/// trial the model expects nothing better than the worst trial, so expected improvement stops favouring the corners
/// and edges of the space just for their variance (docs/SEARCH.md; docs/BENCHMARKS.md for the effect).
/// </remarks>
public sealed class GpSampler : ISampler
{
    private readonly int _seed;
    private readonly int _startupTrials;
    private readonly int _candidates;
    private readonly int _refinements;

    /// <summary>Creates a sampler.</summary>
    /// <param name="seed">Same seed and same history → same proposals; random when null.</param>
    /// <param name="startupTrials">Completed trials before the model is used (space-filling points until then).</param>
    /// <param name="candidates">Quasi-random candidates scored per proposal before local refinement.</param>
    /// <param name="refinements">How many of the best candidates are refined locally.</param>
    public GpSampler(int? seed = null, int startupTrials = 5, int candidates = 512, int refinements = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startupTrials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidates, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(refinements, 1);
        _seed = seed ?? Random.Shared.Next();
        _startupTrials = startupTrials;
        _candidates = candidates;
        _refinements = refinements;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Distribution> InferRelativeSearchSpace(StudySnapshot study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        List<FrozenTrial> completed = CompletedTrialsSpace.Completed(study);
        return completed.Count < _startupTrials
            ? new Dictionary<string, Distribution>()
            : CompletedTrialsSpace.Of(completed);
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
        var space = new GpSearchSpace(searchSpace);
        List<FrozenTrial> trials = CompletedTrialsSpace.Completed(study)
            .Where(t => space.Names.All(name => t.InternalParams.ContainsKey(name) && searchSpace[name].Contains(t.InternalParams[name])))
            .ToList();
        if (space.Dimensions == 0 || trials.Count < _startupTrials)
        {
            return new Dictionary<string, double>();
        }

        int n = trials.Count;
        int d = space.Dimensions;
        double[] x = Encode(space, trials.Select(t => (IReadOnlyDictionary<string, double>)t.InternalParams).ToList());
        double[] y = GpTargets.Minimized(trials, study.Directions, _seed, trial.Number);
        GpTargets.Warp(y);
        GpTargets.Standardize(y);
        GpTargets.AnchorPriorMeanAtWorst(y);

        bool[] feasible = trials.Select(t => t.IsFeasible).ToArray();
        var constraintModels = FitConstraints(trials, x, space);
        GpRegressor? objective = null;
        double best = double.PositiveInfinity;
        var incumbents = new List<double[]>();
        if (feasible.Any(f => f))
        {
            objective = WithFantasies(GpRegressor.Fit(x, y, space.Categorical), study, trial, space, x, y);
            best = Enumerable.Range(0, n).Where(i => feasible[i]).Min(i => y[i]);
            incumbents = Enumerable.Range(0, n).Where(i => feasible[i]).OrderBy(i => y[i])
                .Select(i => x.AsSpan(i * d, d).ToArray()).ToList();
        }

        var acquisition = new GpAcquisition(objective, best, constraintModels);
        var optimizer = new AcquisitionOptimizer(space, acquisition, _candidates, _refinements);
        double[] proposal = optimizer.Maximize(SeedMixer.Mix(_seed, trial.Number, 0x6A09), incumbents);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int j = 0; j < d; j++)
        {
            result[space.Names[j]] = space.Decode(j, proposal[j]);
        }

        return result;
    }

    /// <inheritdoc />
    public double SampleIndependent(StudySnapshot study, FrozenTrial trial, string name, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(distribution);
        if (distribution.IsSingle)
        {
            return distribution.Nearest(0);
        }

        // The k-th parameter a trial suggests takes coordinate k of Halton point number trial.Number.
        var halton = new ScrambledHalton(_seed, 1, firstDimension: trial.Distributions.Count);
        double unit = halton.Coordinate(0, trial.Number);
        var space = new GpSearchSpace(new Dictionary<string, Distribution> { [name] = distribution });
        return space.Decode(0, space.FromUnit(0, unit));
    }

    private static double[] Encode(GpSearchSpace space, IReadOnlyList<IReadOnlyDictionary<string, double>> points)
    {
        int d = space.Dimensions;
        var x = new double[points.Count * d];
        for (int i = 0; i < points.Count; i++)
        {
            for (int j = 0; j < d; j++)
            {
                x[(i * d) + j] = space.Encode(j, points[i][space.Names[j]]);
            }
        }

        return x;
    }

    private static List<(GpRegressor Model, double Threshold)> FitConstraints(List<FrozenTrial> trials, double[] x, GpSearchSpace space)
    {
        var models = new List<(GpRegressor, double)>();
        int count = trials.Max(t => t.Constraints?.Count ?? 0);
        if (count == 0)
        {
            return models;
        }

        int d = space.Dimensions;
        int[] rows = Enumerable.Range(0, trials.Count)
            .Where(i => trials[i].Constraints is { } c && c.Count == count && c.All(double.IsFinite)).ToArray();
        if (rows.Length == 0)
        {
            return models;
        }

        double[] xc = rows.SelectMany(i => x.AsSpan(i * d, d).ToArray()).ToArray();
        for (int k = 0; k < count; k++)
        {
            double[] values = rows.Select(i => trials[i].Constraints![k]).ToArray();
            (double mean, double sd) = GpTargets.Standardize(values);
            models.Add((GpRegressor.Fit(xc, values, space.Categorical), -mean / sd));
        }

        return models;
    }

    // Kriging believer: another worker's pending proposal is added at the posterior mean, so its variance collapses there.
    private static GpRegressor WithFantasies(
        GpRegressor model, StudySnapshot study, FrozenTrial trial, GpSearchSpace space, double[] x, double[] y)
    {
        var pending = new List<IReadOnlyDictionary<string, double>>();
        foreach (FrozenTrial other in study.Trials)
        {
            if (other.State != TrialState.Running || other.Number == trial.Number
                || !other.SystemAttributes.TryGetValue(TrialSystemAttributes.RelativeParams, out JsonElement json)
                || json.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (JsonProperty property in json.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number)
                {
                    values[property.Name] = property.Value.GetDouble();
                }
            }

            if (space.Names.All(values.ContainsKey))
            {
                pending.Add(values);
            }
        }

        if (pending.Count == 0)
        {
            return model;
        }

        double[] xp = Encode(space, pending);
        int d = space.Dimensions;
        var scratch = new double[model.Count];
        var yp = new double[pending.Count];
        for (int i = 0; i < pending.Count; i++)
        {
            model.Predict(xp.AsSpan(i * d, d), scratch, out yp[i], out _);
        }

        return GpRegressor.Condition([.. x, .. xp], [.. y, .. yp], space.Categorical, model.Parameters);
    }
}
