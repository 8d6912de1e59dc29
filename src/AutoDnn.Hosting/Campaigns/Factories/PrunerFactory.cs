using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Search.Pruners;
using static AutoDnn.Hosting.Campaigns.Factories.SpecOptions;

namespace AutoDnn.Hosting.Campaigns.Factories;

/// <summary>Builds the pruner a campaign file names, with its options; the loader has already checked names and options.</summary>
public static class PrunerFactory
{
    /// <summary>Creates the pruner (<see cref="NopPruner"/> for "none").</summary>
    public static IPruner Create(PrunerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        IReadOnlyDictionary<string, object?> o = spec.Options;
        return spec.Name switch
        {
            "none" => new NopPruner(),
            "median" => new MedianPruner(
                Get(o, "n_startup_trials", 5),
                Get(o, "n_warmup_steps", 0),
                Get(o, "interval_steps", 1),
                Get(o, "n_min_trials", 1),
                Get(o, "include_pruned_trials", false)),
            "percentile" => new PercentilePruner(
                Get(o, "percentile", double.NaN),
                Get(o, "n_startup_trials", 5),
                Get(o, "n_warmup_steps", 0),
                Get(o, "interval_steps", 1),
                Get(o, "n_min_trials", 1),
                Get(o, "include_pruned_trials", false)),
            "successive-halving" => new SuccessiveHalvingPruner(
                GetIntOrAuto(o, "min_resource", null),
                Get(o, "reduction_factor", 4),
                Get(o, "min_early_stopping_rate", 0),
                Get(o, "bootstrap_count", 0)),
            "hyperband" => new HyperbandPruner(
                Get(o, "min_resource", 1),
                GetIntOrAuto(o, "max_resource", null),
                Get(o, "reduction_factor", 3),
                Get(o, "bootstrap_count", 0)),
            "threshold" => new ThresholdPruner(
                GetNullableDouble(o, "lower"),
                GetNullableDouble(o, "upper"),
                Get(o, "n_warmup_steps", 0),
                Get(o, "interval_steps", 1)),
            "patient" => new PatientPruner(
                o.TryGetValue("wrapped", out object? wrapped) && wrapped is PrunerSpec inner && inner.Name != "none" ? Create(inner) : null,
                Get(o, "patience", -1),
                Get(o, "min_delta", 0.0)),
            "wilcoxon" => new WilcoxonPruner(
                Get(o, "p_threshold", 0.1),
                Get(o, "n_startup_steps", 2),
                Get(o, "instances", "folds") == "steps" ? WilcoxonInstances.Steps : WilcoxonInstances.Folds),
            _ => throw new ArgumentException(
                $"Unknown pruner '{spec.Name}'; known: {string.Join(", ", PrunerCatalog.Names)}.", nameof(spec)),
        };
    }
}
