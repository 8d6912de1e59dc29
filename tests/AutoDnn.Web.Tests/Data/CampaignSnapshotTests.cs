using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Web.Data;
using AutoDnn.Web.Tests.Seeding;

namespace AutoDnn.Web.Tests.Data;

public sealed class CampaignSnapshotTests
{
    [Fact]
    public void Summary_counts_states_and_finds_the_best_trial()
    {
        CampaignSnapshot s = Snapshots.Of(20);
        CampaignSummary c = s.Summary;
        Assert.Equal(20, c.Total);
        Assert.Equal((14, 4, 2), (c.Count(TrialState.Complete), c.Count(TrialState.Pruned), c.Count(TrialState.Fail)));
        FrozenTrial expected = s.Rows.Select(r => r.Trial).Where(t => t.State == TrialState.Complete).MinBy(t => t.Values![0])!;
        Assert.Equal(expected.Number, c.Best!.Number);
        Assert.Equal(ViewerSeed.Epoch, c.StartedAt);
    }

    [Fact]
    public void Maximize_picks_the_largest_value()
    {
        CampaignSnapshot s = Snapshots.Of(20, direction: StudyDirection.Maximize);
        Assert.Equal(s.Rows.Where(r => r.Values is not null).Max(r => r.Values![0]), s.Summary.Best!.Values![0]);
    }

    [Fact]
    public void Running_workers_come_from_running_trials_only()
    {
        var trials = new[]
        {
            ViewerSeed.Trial(0, TrialState.Running, 0, 1) with { Number = 0, TrialId = 1 },
            ViewerSeed.Trial(1, TrialState.Complete, 0.5, 1) with { Number = 1, TrialId = 2 },
        };
        var s = new CampaignSnapshot(new StudyRecord { StudyId = 3, Name = "x", Directions = [StudyDirection.Minimize] }, trials, ViewerSeed.Epoch);
        Assert.Equal(["w1"], s.Summary.RunningWorkers);
    }

    [Fact]
    public void Fingerprint_changes_when_a_trial_finishes()
    {
        var running = ViewerSeed.Trial(0, TrialState.Running, 0, 1) with { Number = 0, TrialId = 1 };
        var study = new StudyRecord { StudyId = 3, Name = "x", Directions = [StudyDirection.Minimize] };
        var before = new CampaignSnapshot(study, [running], ViewerSeed.Epoch).Summary.Fingerprint;
        var after = new CampaignSnapshot(study, [running with { State = TrialState.Complete, Values = [1.0], FinishedAt = ViewerSeed.Epoch.AddHours(1) }], ViewerSeed.Epoch).Summary.Fingerprint;
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Importance_is_seeded_and_sums_to_one()
    {
        CampaignSnapshot a = Snapshots.Of(60), b = Snapshots.Of(60);
        Assert.Null(a.Importance.Unavailable);
        Assert.Equal(1.0, a.Importance.Scores.Values.Sum(), 6);
        Assert.Equal(a.Importance.Scores, b.Importance.Scores);
    }

    [Fact]
    public void Importance_says_why_when_there_are_too_few_trials()
    {
        CampaignSnapshot s = Snapshots.Of(1);
        Assert.Empty(s.Importance.Scores);
        Assert.Contains("at least 2 completed trials", s.Importance.Unavailable);
    }
}
