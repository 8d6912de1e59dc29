using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Storage;

public sealed class InMemoryStudyStorageTests : StudyStorageConformanceTests
{
    [Fact]
    public void Times_come_from_the_given_clock()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var storage = new InMemoryStudyStorage(clock);
        long study = storage.CreateStudy("s", [StudyDirection.Minimize]).StudyId;
        FrozenTrial trial = storage.CreateTrial(study);
        clock.Now = clock.Now.AddMinutes(3);
        storage.TrySetTrialState(trial.TrialId, TrialState.Running, TrialState.Complete, [1]);

        FrozenTrial done = storage.GetTrial(trial.TrialId);
        Assert.Equal(TimeSpan.FromMinutes(3), done.FinishedAt - done.StartedAt);
    }

    protected override IStudyStorage CreateStorage() => new InMemoryStudyStorage();

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
