namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>What a fork copied: the number of warm-start trials, and each skipped trial with the reason it does not fit.</summary>
public sealed record ForkResult(int Copied, IReadOnlyList<string> Skipped);
