namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>The pruner named in a campaign file and its options, already checked against the pruner catalog.</summary>
/// <param name="Name">none (default), median, percentile, successive-halving, hyperband, threshold, patient or wilcoxon.</param>
/// <param name="Options">snake_case option → value: int, double, bool, string (a named choice), null for "auto",
/// or for patient's "wrapped" another <see cref="PrunerSpec"/>.</param>
public sealed record PrunerSpec(string Name, IReadOnlyDictionary<string, object?> Options)
{
    /// <summary>The default: no pruning.</summary>
    public static PrunerSpec Default { get; } = new("none", new Dictionary<string, object?>());
}
