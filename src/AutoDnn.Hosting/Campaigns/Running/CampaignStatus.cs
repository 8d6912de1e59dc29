using System.Text.Json;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;
using AutoDnn.Training.Runs;

namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>Where a campaign stands: trials by state, the best trial so far, the workers running trials now.</summary>
public sealed record CampaignStatus
{
    public required string Name { get; init; }

    public required IReadOnlyList<StudyDirection> Directions { get; init; }

    /// <summary>Metric names of the objectives (from the campaign), or "value" for plain studies.</summary>
    public required IReadOnlyList<string> Objectives { get; init; }

    /// <summary>Trial count per state (Waiting = budget slots not started yet, including re-queued retries).</summary>
    public required IReadOnlyDictionary<TrialState, int> Counts { get; init; }

    /// <summary>The best complete trial (single objective), or null.</summary>
    public FrozenTrial? Best { get; init; }

    /// <summary>Running trials with the worker that runs each (from the trial's "worker" attribute).</summary>
    public required IReadOnlyList<(int Trial, string Worker, DateTimeOffset? Started)> Running { get; init; }

    /// <summary>When the first trial started, or null.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The final evaluation of the best trial on the test split (JSON), when it has been made.</summary>
    public JsonElement? Final { get; init; }

    /// <summary>Trials that ended: complete, pruned or failed.</summary>
    public int Finished =>
        Counts.GetValueOrDefault(TrialState.Complete) + Counts.GetValueOrDefault(TrialState.Pruned) + Counts.GetValueOrDefault(TrialState.Fail);

    public bool IsFinished => Counts.GetValueOrDefault(TrialState.Waiting) == 0 && Counts.GetValueOrDefault(TrialState.Running) == 0;

    /// <summary>Reads the status of campaign (study) <paramref name="name"/>.</summary>
    public static CampaignStatus Load(SqlStudyStorage storage, string name)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var record = storage.FindStudy(name)
            ?? throw new CampaignMismatchException($"no campaign named '{name}' in {storage.Location}; campaigns there: "
                + string.Join(", ", storage.GetAllStudies().Select(s => s.Name).DefaultIfEmpty("(none)")));
        IReadOnlyList<FrozenTrial> trials = storage.GetAllTrials(record.StudyId);
        var counts = Enum.GetValues<TrialState>().ToDictionary(s => s, s => trials.Count(t => t.State == s));
        FrozenTrial? best = null;
        if (record.Directions.Count == 1)
        {
            var complete = trials.Where(t => t.State == TrialState.Complete && t.Value is not null && t.IsFeasible).ToList();
            best = complete.Count == 0 ? null
                : record.Directions[0] == StudyDirection.Maximize ? complete.MaxBy(t => t.Value) : complete.MinBy(t => t.Value);
        }

        var running = trials.Where(t => t.State == TrialState.Running)
            .Select(t => (t.Number,
                t.UserAttributes.TryGetValue(TrialAttributeKeys.Worker, out JsonElement w) && w.ValueKind == JsonValueKind.String ? w.GetString()! : "?",
                t.StartedAt))
            .ToList();
        IReadOnlyList<string> objectives = record.UserAttributes.TryGetValue("objectives", out JsonElement o) && o.ValueKind == JsonValueKind.Array
            ? o.EnumerateArray().Select(e => e.GetString() ?? "value").ToList()
            : record.Directions.Select(_ => "value").ToList();
        return new CampaignStatus
        {
            Name = record.Name,
            Directions = record.Directions,
            Objectives = objectives,
            Counts = counts,
            Best = best,
            Running = running,
            StartedAt = trials.Where(t => t.StartedAt is not null).Select(t => t.StartedAt).Min(),
            Final = record.UserAttributes.TryGetValue(CampaignSession.FinalAttribute, out JsonElement f) ? f : null,
        };
    }
}
