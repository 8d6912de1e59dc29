using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Storage;

/// <summary>The contract every storage passes (in-memory, SQLite, PostgreSQL): subclass it and create a fresh, empty storage.</summary>
public abstract class StudyStorageConformanceTests
{
    private static readonly StudyDirection[] Minimize = [StudyDirection.Minimize];

    protected abstract IStudyStorage CreateStorage();

    [Fact]
    public void Studies_are_created_found_and_unique_by_name()
    {
        IStudyStorage storage = CreateStorage();
        StudyRecord a = storage.CreateStudy("a", Minimize);
        StudyRecord b = storage.CreateStudy("b", [StudyDirection.Maximize, StudyDirection.Minimize]);

        Assert.Throws<DuplicateStudyException>(() => storage.CreateStudy("a", Minimize));
        Assert.Equal(a.StudyId, storage.FindStudy("a")!.StudyId);
        Assert.Null(storage.FindStudy("c"));
        Assert.Equal([StudyDirection.Maximize, StudyDirection.Minimize], storage.GetStudy(b.StudyId).Directions);
        Assert.Equal(["a", "b"], storage.GetAllStudies().Select(s => s.Name));
        Assert.Throws<KeyNotFoundException>(() => storage.GetStudy(-5));
    }

    [Fact]
    public void Trial_numbers_are_dense_per_study_and_ids_unique()
    {
        IStudyStorage storage = CreateStorage();
        long a = storage.CreateStudy("a", Minimize).StudyId;
        long b = storage.CreateStudy("b", Minimize).StudyId;
        var trials = new[] { storage.CreateTrial(a), storage.CreateTrial(b), storage.CreateTrial(a) };

        Assert.Equal([0, 0, 1], trials.Select(t => t.Number));
        Assert.Equal(3, trials.Select(t => t.TrialId).Distinct().Count());
        Assert.All(trials, t => Assert.Equal(TrialState.Running, t.State));
        Assert.All(trials, t => Assert.NotNull(t.StartedAt));
        Assert.Equal([0, 1], storage.GetAllTrials(a).Select(t => t.Number));
    }

    [Fact]
    public void Params_are_validated_against_range_and_earlier_distributions()
    {
        IStudyStorage storage = CreateStorage();
        long study = storage.CreateStudy("s", Minimize).StudyId;
        FrozenTrial first = storage.CreateTrial(study);
        FrozenTrial second = storage.CreateTrial(study);
        storage.SetTrialParam(first.TrialId, "x", 0.5, new FloatDistribution(0, 1));

        Assert.Throws<ArgumentException>(() => storage.SetTrialParam(second.TrialId, "y", 2, new FloatDistribution(0, 1)));
        Assert.Throws<ArgumentException>(() => storage.SetTrialParam(second.TrialId, "x", 1, new IntDistribution(0, 1)));
        Assert.Throws<InvalidOperationException>(() => storage.SetTrialParam(first.TrialId, "x", 0.1, new FloatDistribution(0, 1)));
        storage.SetTrialParam(second.TrialId, "x", 3, new FloatDistribution(0, 5));

        FrozenTrial stored = storage.GetTrial(first.TrialId);
        Assert.Equal(0.5, stored.Params["x"]);
        Assert.Equal(new FloatDistribution(0, 1), stored.Distributions["x"]);
    }

    [Fact]
    public void Intermediate_values_are_kept_per_fold_and_step()
    {
        IStudyStorage storage = CreateStorage();
        long id = storage.CreateTrial(storage.CreateStudy("s", Minimize).StudyId).TrialId;
        storage.ReportIntermediate(id, fold: 1, step: 0, 0.9);
        storage.ReportIntermediate(id, fold: 0, step: 1, 0.7);
        storage.ReportIntermediate(id, fold: 0, step: 0, 0.8);

        FrozenTrial trial = storage.GetTrial(id);
        Assert.Equal([new(0, 0), new(0, 1), new IntermediateKey(1, 0)], trial.IntermediateValues.Keys);
        Assert.Equal([0.8, 0.7, 0.9], trial.IntermediateValues.Values);
    }

    [Fact]
    public void State_changes_are_compare_and_set()
    {
        IStudyStorage storage = CreateStorage();
        long study = storage.CreateStudy("s", Minimize).StudyId;
        FrozenTrial waiting = storage.CreateTrial(study, new FrozenTrial { State = TrialState.Waiting });
        Assert.Null(waiting.StartedAt);

        Assert.True(storage.TrySetTrialState(waiting.TrialId, TrialState.Waiting, TrialState.Running));
        Assert.False(storage.TrySetTrialState(waiting.TrialId, TrialState.Waiting, TrialState.Running));
        Assert.NotNull(storage.GetTrial(waiting.TrialId).StartedAt);
        Assert.Throws<ArgumentException>(() => storage.TrySetTrialState(waiting.TrialId, TrialState.Running, TrialState.Complete));
        Assert.Throws<ArgumentException>(() => storage.TrySetTrialState(waiting.TrialId, TrialState.Running, TrialState.Complete, [1, 2]));
        Assert.True(storage.TrySetTrialState(waiting.TrialId, TrialState.Running, TrialState.Complete, [0.25], [-1.0]));
        Assert.False(storage.TrySetTrialState(waiting.TrialId, TrialState.Running, TrialState.Fail));
        Assert.Throws<ArgumentException>(() => storage.TrySetTrialState(waiting.TrialId, TrialState.Complete, TrialState.Running));

        FrozenTrial done = storage.GetTrial(waiting.TrialId);
        Assert.Equal(TrialState.Complete, done.State);
        Assert.Equal([0.25], done.Values);
        Assert.Equal([-1.0], done.Constraints);
        Assert.True(done.FinishedAt >= done.StartedAt);
        Assert.Throws<InvalidOperationException>(() => storage.ReportIntermediate(done.TrialId, 0, 0, 1));
    }

    [Fact]
    public void Attributes_are_copied_and_frozen_with_the_trial()
    {
        IStudyStorage storage = CreateStorage();
        long study = storage.CreateStudy("s", Minimize).StudyId;
        long id = storage.CreateTrial(study).TrialId;
        using (JsonDocument doc = JsonDocument.Parse("""{"seed":7}"""))
        {
            storage.SetTrialAttribute(id, AttributeScope.User, "provenance", doc.RootElement);
            storage.SetStudyAttribute(study, AttributeScope.System, "version", doc.RootElement);
        }

        storage.SetTrialAttribute(id, AttributeScope.System, "k", JsonSerializer.SerializeToElement("v"));
        FrozenTrial trial = storage.GetTrial(id);
        Assert.Equal(7, trial.UserAttributes["provenance"].GetProperty("seed").GetInt32());
        Assert.Equal("v", trial.SystemAttributes["k"].GetString());
        Assert.Equal(7, storage.GetStudy(study).SystemAttributes["version"].GetProperty("seed").GetInt32());

        storage.TrySetTrialState(id, TrialState.Running, TrialState.Fail);
        Assert.Throws<InvalidOperationException>(() => storage.SetTrialAttribute(id, AttributeScope.User, "late", default));
    }

    [Fact]
    public void A_finished_template_is_imported_whole()
    {
        IStudyStorage storage = CreateStorage();
        long study = storage.CreateStudy("s", Minimize).StudyId;
        FrozenTrial imported = storage.CreateTrial(study, new FrozenTrial
        {
            TrialId = 999,
            Number = 999,
            State = TrialState.Complete,
            Values = [1.5],
            InternalParams = new Dictionary<string, double> { ["n"] = 4 },
            Distributions = new Dictionary<string, Distribution> { ["n"] = new IntDistribution(1, 8) },
            IntermediateValues = new Dictionary<IntermediateKey, double> { [new(0, 3)] = 2.0 },
        });

        FrozenTrial stored = storage.GetTrial(imported.TrialId);
        Assert.Equal(0, stored.Number);
        Assert.Equal(4, stored.Params["n"]);
        Assert.Equal(1.5, stored.Value);
        Assert.Equal(3, stored.LastStep);
        Assert.NotNull(stored.FinishedAt);
        Assert.Throws<ArgumentException>(() => storage.CreateTrial(study, new FrozenTrial { State = TrialState.Complete }));
    }

    [Fact]
    public void Many_threads_writing_at_once_lose_nothing()
    {
        IStudyStorage storage = CreateStorage();
        long study = storage.CreateStudy("s", Minimize).StudyId;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            for (int i = 0; i < 50; i++)
            {
                long id = storage.CreateTrial(study).TrialId;
                storage.SetTrialParam(id, "w", worker, new IntDistribution(0, 7));
                storage.ReportIntermediate(id, 0, 0, i);
                Assert.True(storage.TrySetTrialState(id, TrialState.Running, TrialState.Complete, [i]));
            }
        });

        IReadOnlyList<FrozenTrial> trials = storage.GetAllTrials(study);
        Assert.Equal(Enumerable.Range(0, 400), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(Enumerable.Range(0, 8), w => Assert.Equal(50, trials.Count(t => (int)t.Params["w"]! == w)));
    }

    [Fact]
    public void Many_threads_asking_and_telling_one_study_get_distinct_trials()
    {
        IStudyStorage storage = CreateStorage();
        Study study = Study.Create(new StudyOptions { Name = "shared", Storage = storage, Sampler = new RandomSampler(1) });
        for (int i = 0; i < 20; i++)
        {
            study.Enqueue(new Dictionary<string, object?> { ["x"] = i / 100.0 });
        }

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            Study worker = Study.Create(new StudyOptions { Name = "shared", Storage = storage, LoadIfExists = true });
            worker.Optimize(t => t.SuggestFloat("x", 0, 1), 25);
        });

        IReadOnlyList<FrozenTrial> trials = storage.GetAllTrials(study.Id);
        Assert.Equal(200, trials.Count);
        Assert.Equal(200, trials.Select(t => t.Number).Distinct().Count());
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i / 100.0), trials.Take(20).Select(t => (double)t.Params["x"]!).Order());
    }
}
