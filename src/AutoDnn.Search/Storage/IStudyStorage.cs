using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Storage;

/// <summary>Where studies and trials live; every implementation (in-memory, SQLite, PostgreSQL) passes one conformance suite.</summary>
/// <remarks>
/// Implementations are thread-safe, and safe across processes where the backend is shared. Synchronous on purpose:
/// the callers are samplers and plain synchronous training loops. Trial numbers are dense per study and assigned
/// atomically. Only Waiting or Running trials can be changed; a finished trial is final.
/// </remarks>
public interface IStudyStorage
{
    /// <summary>Creates a study; throws <see cref="DuplicateStudyException"/> if the name is taken.</summary>
    StudyRecord CreateStudy(string name, IReadOnlyList<StudyDirection> directions);

    /// <summary>The study of that name, or null.</summary>
    StudyRecord? FindStudy(string name);

    /// <summary>The study with that id; throws KeyNotFoundException when there is none.</summary>
    StudyRecord GetStudy(long studyId);

    IReadOnlyList<StudyRecord> GetAllStudies();

    /// <summary>Sets a study attribute (the value is cloned, so callers may dispose its document).</summary>
    void SetStudyAttribute(long studyId, AttributeScope scope, string key, JsonElement value);

    /// <summary>
    /// Adds a trial with the next number. Without a template it is Running and started now; with one, its state,
    /// params, values, intermediate values, constraints and attributes are copied (used for enqueued Waiting trials
    /// and for imported finished trials); TrialId and Number are always assigned by storage.
    /// </summary>
    FrozenTrial CreateTrial(long studyId, FrozenTrial? template = null);

    /// <summary>
    /// Records a parameter of a Running trial. Throws ArgumentException when the value is outside the distribution or
    /// the distribution is incompatible with the one used for that name earlier in the study; InvalidOperationException
    /// when the trial is not Running or already has that parameter.
    /// </summary>
    void SetTrialParam(long trialId, string name, double internalValue, Distribution distribution);

    /// <summary>Records (or overwrites) the intermediate value of a Running trial at (fold, step).</summary>
    void ReportIntermediate(long trialId, int fold, int step, double value);

    /// <summary>
    /// Compare-and-set of the state: succeeds only if the trial is in <paramref name="expected"/> state, and returns false
    /// otherwise (e.g. another worker took the Waiting trial first). Allowed: Waiting → Running (stamps StartedAt),
    /// Waiting or Running → Complete, Pruned or Fail (stamps FinishedAt, stores values and constraints atomically).
    /// Complete requires values.
    /// </summary>
    bool TrySetTrialState(
        long trialId,
        TrialState expected,
        TrialState state,
        IReadOnlyList<double>? values = null,
        IReadOnlyList<double>? constraints = null);

    /// <summary>Sets an attribute of a Waiting or Running trial (the value is cloned).</summary>
    void SetTrialAttribute(long trialId, AttributeScope scope, string key, JsonElement value);

    /// <summary>A snapshot of one trial; throws KeyNotFoundException when there is none.</summary>
    FrozenTrial GetTrial(long trialId);

    /// <summary>Snapshots of every trial of the study, ordered by number.</summary>
    IReadOnlyList<FrozenTrial> GetAllTrials(long studyId);
}
