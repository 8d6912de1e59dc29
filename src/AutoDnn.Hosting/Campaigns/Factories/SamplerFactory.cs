using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Search.Samplers;
using static AutoDnn.Hosting.Campaigns.Factories.SpecOptions;

namespace AutoDnn.Hosting.Campaigns.Factories;

/// <summary>Builds the sampler a campaign file names, with its options; the loader has already checked names and options.</summary>
public static class SamplerFactory
{
    /// <summary>Creates the sampler; its seed is the spec's, else the campaign seed.</summary>
    /// <param name="spec">The validated sampler spec.</param>
    /// <param name="campaignSeed">The campaign seed (used when the spec gives none).</param>
    /// <param name="searchSpace">The traced search space; needed only by grid without an explicit "grid" option.</param>
    public static ISampler Create(SamplerSpec spec, int campaignSeed, IReadOnlyDictionary<string, Distribution>? searchSpace = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int seed = spec.Seed ?? campaignSeed;
        IReadOnlyDictionary<string, object?> o = spec.Options;
        return spec.Name switch
        {
            "gp" => new GpSampler(
                seed,
                startupTrials: Get(o, "n_startup_trials", 5),
                candidates: Get(o, "candidates", 512),
                refinements: Get(o, "refinements", 5)),
            // Random and TPE draw from one sequential generator: seed them per trial, or every worker process of a
            // campaign (each with its own sampler from the same seed) would propose the same parameters.
            "tpe" => new PerTrialSeededSampler(seed, s => new TpeSampler(TpeOptions(new TpeSamplerOptions { Seed = s }, o))),
            "tpe-tuned" => new PerTrialSeededSampler(seed, s => new TpeSampler(TpeOptions(SamplerDefaults.TpeOptions(s), o))),
            "random" => new PerTrialSeededSampler(seed, s => new RandomSampler(s)),
            "grid" => CreateGrid(o, searchSpace),
            "nsga2" => new NsgaIISampler(
                seed,
                populationSize: Get(o, "population_size", 50),
                mutationProbability: GetNullableDouble(o, "mutation_probability"),
                crossoverProbability: Get(o, "crossover_probability", 0.9),
                swappingProbability: Get(o, "swapping_probability", 0.5),
                crossover: Get(o, "crossover", "uniform") == "sbx" ? NsgaIICrossover.Sbx : NsgaIICrossover.Uniform,
                sbxEta: Get(o, "sbx_eta", 15.0)),
            _ => throw new ArgumentException(
                $"Unknown sampler '{spec.Name}'; known: {string.Join(", ", SamplerCatalog.Names)}.", nameof(spec)),
        };
    }

    private static TpeSamplerOptions TpeOptions(TpeSamplerOptions start, IReadOnlyDictionary<string, object?> o)
    {
        TpeSamplerOptions options = start with
        {
            StartupTrials = Get(o, "n_startup_trials", start.StartupTrials),
            EiCandidates = Get(o, "n_ei_candidates", start.EiCandidates),
            ConsiderPrior = Get(o, "consider_prior", start.ConsiderPrior),
            PriorWeight = Get(o, "prior_weight", start.PriorWeight),
            ConsiderMagicClip = Get(o, "consider_magic_clip", start.ConsiderMagicClip),
            ConsiderEndpoints = Get(o, "consider_endpoints", start.ConsiderEndpoints),
            Multivariate = Get(o, "multivariate", start.Multivariate),
            Group = Get(o, "group", start.Group),
            ConstantLiar = Get(o, "constant_liar", start.ConstantLiar),
            BandwidthFactor = Get(o, "bandwidth_factor", start.BandwidthFactor),
        };
        options.Validate();
        return options;
    }

    private static GridSampler CreateGrid(IReadOnlyDictionary<string, object?> o, IReadOnlyDictionary<string, Distribution>? searchSpace)
    {
        if (o.TryGetValue("grid", out object? grid))
        {
            return new GridSampler((IReadOnlyDictionary<string, IReadOnlyList<object?>>)grid!);
        }

        if (searchSpace is null)
        {
            throw new ArgumentException(
                "The grid sampler without a 'grid' option derives its grid from the search space: pass the traced search space.", nameof(searchSpace));
        }

        return GridSampler.FromSearchSpace(searchSpace);
    }
}
