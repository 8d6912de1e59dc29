namespace AutoDnn.Storage;

/// <summary>A file a trial produced (weights, logs, plots): where it is and the SHA-256 it had when recorded.</summary>
public sealed record TrialArtifact(long TrialId, string Name, string Path, string Sha256, long SizeBytes, DateTimeOffset RecordedAt);
