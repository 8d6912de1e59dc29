using AutoDnn.Search.Trials;

namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>A reproduced trial: the stored trial, the seed used, the new objective values (null for a pruned trial) and
/// every value that differs (empty when the trial reproduced exactly).</summary>
public sealed record RerunResult(FrozenTrial Stored, int Seed, IReadOnlyList<double>? Values, IReadOnlyList<string> Differences)
{
    public bool Matches => Differences.Count == 0;
}
