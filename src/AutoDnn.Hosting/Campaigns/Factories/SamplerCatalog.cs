namespace AutoDnn.Hosting.Campaigns.Factories;

/// <summary>The sampler names a campaign file may use and the options each accepts (keys are the snake_case of the constructor parameters).</summary>
public static class SamplerCatalog
{
    /// <summary>Name → options, in documentation order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<OptionDefinition>> Options { get; } = Build();

    /// <summary>Every sampler name, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["gp", "tpe", "tpe-tuned", "random", "grid", "nsga2"];

    private static Dictionary<string, IReadOnlyList<OptionDefinition>> Build()
    {
        OptionDefinition[] tpe =
        [
            new("n_startup_trials", OptionKind.Int, "finished trials sampled at random before the model is used (tpe 10)", Min: 0),
            new("n_ei_candidates", OptionKind.Int, "candidates drawn per proposal (tpe 24, tpe-tuned 48)", Min: 1),
            new("consider_prior", OptionKind.Bool, "add a wide prior kernel (true)"),
            new("prior_weight", OptionKind.Float, "weight of the prior kernel (1.0)"),
            new("consider_magic_clip", OptionKind.Bool, "floor each bandwidth (true)"),
            new("consider_endpoints", OptionKind.Bool, "let the outermost kernels reach the domain ends (false)"),
            new("multivariate", OptionKind.Bool, "model parameters jointly (tpe false, tpe-tuned true)"),
            new("group", OptionKind.Bool, "with multivariate: split conditional spaces into groups (tpe false, tpe-tuned true)"),
            new("constant_liar", OptionKind.Bool, "count running trials as worst so parallel workers spread out (tpe false, tpe-tuned true)"),
            new("bandwidth_factor", OptionKind.Float, "multivariate bandwidth factor (tpe 0.2, tpe-tuned 0.15)"),
        ];
        return new Dictionary<string, IReadOnlyList<OptionDefinition>>(StringComparer.Ordinal)
        {
            ["gp"] =
            [
                new("n_startup_trials", OptionKind.Int, "completed trials before the Gaussian process is used (5)", Min: 1),
                new("candidates", OptionKind.Int, "quasi-random candidates scored per proposal (512)", Min: 1),
                new("refinements", OptionKind.Int, "best candidates refined locally (5)", Min: 1),
            ],
            ["tpe"] = tpe,
            ["tpe-tuned"] = tpe,
            ["random"] = [],
            ["grid"] =
            [
                new("grid", OptionKind.Grid, "parameter name → list of values; default: every value of the traced search space (ints, categoricals, stepped floats)"),
            ],
            ["nsga2"] =
            [
                new("population_size", OptionKind.Int, "trials per generation (50)", Min: 2),
                new("mutation_probability", OptionKind.Float, "chance a parameter is resampled (1 / parameters)", Min: 0, Max: 1),
                new("crossover_probability", OptionKind.Float, "chance a child mixes two parents (0.9)", Min: 0, Max: 1),
                new("swapping_probability", OptionKind.Float, "chance uniform crossover takes the second parent's value (0.5)", Min: 0, Max: 1),
                new("crossover", OptionKind.Choice, "uniform or sbx (uniform)", ["uniform", "sbx"]),
                new("sbx_eta", OptionKind.Float, "distribution index of SBX (15)"),
            ],
        };
    }
}
