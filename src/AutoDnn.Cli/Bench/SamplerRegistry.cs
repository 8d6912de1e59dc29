using AutoDnn.Search.Samplers;

namespace AutoDnn.Cli.Bench;

/// <summary>The samplers <c>autodnn bench samplers</c> can run, by name, each built from a seed.</summary>
internal static class SamplerRegistry
{
    public static IReadOnlyDictionary<string, Func<int, ISampler>> Samplers { get; } = new Dictionary<string, Func<int, ISampler>>
    {
        ["random"] = seed => new RandomSampler(seed),
        ["tpe"] = seed => new TpeSampler(seed),
        ["tpe-multivariate"] = seed => new TpeSampler(new TpeSamplerOptions { Seed = seed, Multivariate = true }),
        ["tpe-tuned"] = seed => SamplerDefaults.CreateTunedTpe(seed),
        ["default"] = seed => SamplerDefaults.Create(seed),
    };

    public static Func<int, ISampler> Get(string name) =>
        Samplers.TryGetValue(name, out Func<int, ISampler>? factory)
            ? factory
            : throw new ArgumentException($"Unknown sampler '{name}'; known: {string.Join(", ", Samplers.Keys)}.", nameof(name));
}
