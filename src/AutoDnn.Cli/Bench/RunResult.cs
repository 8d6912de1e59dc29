namespace AutoDnn.Cli.Bench;

/// <summary>One seeded study of the sampler benchmark: simple regret at each checkpoint and sampler seconds per trial.</summary>
internal sealed record RunResult(string Function, string Sampler, int Seed, IReadOnlyDictionary<int, double> Regrets, double SecondsPerTrial);
