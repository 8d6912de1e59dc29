namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>What one worker did: trials completed, pruned, failed, interrupted, abandoned, and why it stopped.</summary>
public sealed class WorkerSummary
{
    public int Completed { get; set; }

    public int Pruned { get; set; }

    public int Failed { get; set; }

    /// <summary>Stopped by Ctrl+C and re-queued.</summary>
    public int Interrupted { get; set; }

    /// <summary>Taken over by another worker after this one missed heartbeats.</summary>
    public int Abandoned { get; set; }

    public bool StoppedByTime { get; set; }

    public bool SpaceExhausted { get; set; }
}
