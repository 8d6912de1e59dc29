namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>The sampler named in a campaign file and its options, already checked against the sampler catalog.</summary>
/// <param name="Name">gp (default), tpe, tpe-tuned, random, grid or nsga2.</param>
/// <param name="Seed">The sampler's seed; null = the campaign seed.</param>
/// <param name="Options">snake_case option → value: int, double, bool, string (a named choice), or for grid's "grid" a
/// name → values map (IReadOnlyDictionary&lt;string, IReadOnlyList&lt;object?&gt;&gt;).</param>
public sealed record SamplerSpec(string Name, int? Seed, IReadOnlyDictionary<string, object?> Options)
{
    /// <summary>The default: Gaussian-process BO seeded with the campaign seed.</summary>
    public static SamplerSpec Default { get; } = new("gp", null, new Dictionary<string, object?>());
}
