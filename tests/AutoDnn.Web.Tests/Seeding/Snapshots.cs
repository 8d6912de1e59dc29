using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Web.Data;

namespace AutoDnn.Web.Tests.Seeding;

/// <summary>Campaign snapshots built in memory (no database) from the seed's trial templates.</summary>
internal static class Snapshots
{
    /// <summary>n trials: every 5th Pruned, every 7th Fail, the rest Complete with value |sin(0.7 n)|; numbers and ids assigned.</summary>
    public static CampaignSnapshot Of(int n, string name = "campaign", StudyDirection direction = StudyDirection.Minimize)
    {
        var trials = Enumerable.Range(0, n).Select(i =>
        {
            TrialState state = i % 7 == 6 ? TrialState.Fail : i % 5 == 4 ? TrialState.Pruned : TrialState.Complete;
            return ViewerSeed.Trial(i, state, Math.Abs(Math.Sin(0.7 * i)), folds: 2) with { Number = i, TrialId = 100 + i };
        }).ToList();
        var study = new StudyRecord { StudyId = 1, Name = name, Directions = [direction] };
        return new CampaignSnapshot(study, trials, ViewerSeed.Epoch);
    }
}
