namespace AutoDnn.Web.Tests.Seeding;

/// <summary>A seeded SQLite store: its file, the two campaigns' ids, and trial ids by number in the first campaign.</summary>
internal sealed record SeededStore(string Path, long CampaignId, long MultiId, IReadOnlyDictionary<int, long> TrialIds)
{
    public string Url => "sqlite:///" + Path;
}
