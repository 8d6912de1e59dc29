namespace AutoDnn.Hosting.Campaigns.Factories;

/// <summary>The pruner names a campaign file may use and the options each accepts (keys are the snake_case of the constructor parameters).</summary>
public static class PrunerCatalog
{
    /// <summary>Name → options, in documentation order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<OptionDefinition>> Options { get; } = Build();

    /// <summary>Every pruner name, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["none", "median", "percentile", "successive-halving", "hyperband", "threshold", "patient", "wilcoxon"];

    private static Dictionary<string, IReadOnlyList<OptionDefinition>> Build()
    {
        OptionDefinition[] percentileCommon =
        [
            new("n_startup_trials", OptionKind.Int, "completed trials before anything is pruned (5)", Min: 0),
            new("n_warmup_steps", OptionKind.Int, "steps of a fold before it can be pruned (0)", Min: 0),
            new("interval_steps", OptionKind.Int, "judge every this many steps (1)", Min: 1),
            new("n_min_trials", OptionKind.Int, "values needed at a step to judge (1)", Min: 1),
            new("include_pruned_trials", OptionKind.Bool, "compare with pruned trials too (false)"),
        ];
        return new Dictionary<string, IReadOnlyList<OptionDefinition>>(StringComparer.Ordinal)
        {
            ["none"] = [],
            ["median"] = percentileCommon,
            ["percentile"] = [new("percentile", OptionKind.Float, "the percentile, 0–100 (required)", Required: true, Min: 0, Max: 100), .. percentileCommon],
            ["successive-halving"] =
            [
                new("min_resource", OptionKind.IntOrAuto, "steps of the first rung, or auto (auto)", Min: 1),
                new("reduction_factor", OptionKind.Int, "keep the top 1/reduction_factor at each rung (4)", Min: 2),
                new("min_early_stopping_rate", OptionKind.Int, "rungs skipped before judging (0)", Min: 0),
                new("bootstrap_count", OptionKind.Int, "trials needed at a rung before judging (0)", Min: 0),
            ],
            ["hyperband"] =
            [
                new("min_resource", OptionKind.Int, "steps of the first rung (1)", Min: 1),
                new("max_resource", OptionKind.IntOrAuto, "most steps of a trial, or auto (auto)"),
                new("reduction_factor", OptionKind.Int, "keep the top 1/reduction_factor at each rung (3)", Min: 2),
                new("bootstrap_count", OptionKind.Int, "trials needed at a rung before judging (0)", Min: 0),
            ],
            ["threshold"] =
            [
                new("lower", OptionKind.Float, "prune below this value (one of lower/upper is required)"),
                new("upper", OptionKind.Float, "prune above this value (one of lower/upper is required)"),
                new("n_warmup_steps", OptionKind.Int, "steps of a fold before it can be pruned (0)", Min: 0),
                new("interval_steps", OptionKind.Int, "judge every this many steps (1)", Min: 1),
            ],
            ["patient"] =
            [
                new("patience", OptionKind.Int, "steps without improvement before the wrapped pruner is asked (required)", Required: true, Min: 0),
                new("min_delta", OptionKind.Float, "smallest change that counts as improvement (0)", Min: 0),
                new("wrapped", OptionKind.Pruner, "the pruner that decides once patience ran out; none = prune outright (none)"),
            ],
            ["wilcoxon"] =
            [
                new("p_threshold", OptionKind.Float, "prune when the one-sided p-value is below this (0.1)", Min: 0, Max: 1),
                new("n_startup_steps", OptionKind.Int, "pairs needed before judging (2)", Min: 0),
                new("instances", OptionKind.Choice, "what is paired: folds or steps (folds)", ["folds", "steps"]),
            ],
        };
    }
}
