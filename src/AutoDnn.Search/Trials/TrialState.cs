namespace AutoDnn.Search.Trials;

/// <summary>Where a trial is in its life: Waiting (enqueued) → Running → Complete, Pruned or Fail.</summary>
public enum TrialState
{
    Running,
    Complete,
    Pruned,
    Fail,
    Waiting,
}
