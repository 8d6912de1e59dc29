using AutoDnn.Search.Trials;

namespace AutoDnn.Storage;

/// <summary>What workers record about a trial's run besides its results: heartbeats, provenance and artifacts.</summary>
/// <remarks>Kept apart from the search engine's <c>IStudyStorage</c>, which samplers and pruners see; the SQL storages implement both.</remarks>
public interface ITrialRecordStore
{
    /// <summary>
    /// Marks the trial as alive now; returns false (and records nothing) when it is no longer Running, e.g. because it
    /// was failed as stale: the worker should then stop it.
    /// </summary>
    bool RecordHeartbeat(long trialId);

    /// <summary>
    /// Fails every Running trial of the study whose last heartbeat is older than <paramref name="grace"/> (trials that
    /// never beat are left alone, unless <paramref name="silentSinceStart"/>: then one that started longer than
    /// <paramref name="grace"/> ago without a beat counts as stale too — for studies where every worker beats, such as
    /// campaigns, whose worker may die between taking a trial and its first beat). With <paramref name="maxRetries"/>
    /// above 0, each failed trial that has not been retried that often yet is queued again as a Waiting trial with the
    /// same parameters. Returns the failed trials.
    /// </summary>
    IReadOnlyList<FrozenTrial> FailStaleTrials(long studyId, TimeSpan grace, int maxRetries = 0, bool silentSinceStart = false);

    /// <summary>Takes the oldest Waiting trial of the study (Waiting → Running) that no other worker is taking; null when none.</summary>
    FrozenTrial? ClaimWaitingTrial(long studyId);

    /// <summary>Records (or replaces) where and how the trial ran; allowed while the trial is Waiting or Running.</summary>
    void SetProvenance(long trialId, TrialProvenance provenance);

    /// <summary>The provenance recorded for the trial, or null.</summary>
    TrialProvenance? GetProvenance(long trialId);

    /// <summary>Records a file the trial produced under a name (replacing an earlier one), with its SHA-256 computed now.</summary>
    TrialArtifact AddArtifact(long trialId, string name, string path);

    /// <summary>The artifacts of the trial, by name.</summary>
    IReadOnlyList<TrialArtifact> GetArtifacts(long trialId);
}
