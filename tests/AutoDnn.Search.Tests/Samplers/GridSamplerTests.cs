using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Samplers;

public sealed class GridSamplerTests : SamplerConformanceTests
{
    private static readonly Dictionary<string, IReadOnlyList<object?>> SmallGrid = new()
    {
        ["x"] = [0.1, 0.5],
        ["n"] = [1, 2, 3],
        ["act"] = ["relu", "tanh"],
    };

    [Fact]
    public void Runs_the_full_factorial_once_and_then_stops()
    {
        Study study = NewStudy(new GridSampler(SmallGrid));
        study.Optimize(SmallObjective, 100);

        Assert.Equal(12, study.Trials.Count);
        Assert.Equal(12, study.Trials.Select(Key).Distinct().Count());
        Assert.Throws<SearchSpaceExhaustedException>(() => study.Ask());
        Assert.Equal(12, study.Trials.Count);
        Assert.True(((GridSampler)study.Sampler).IsExhausted(study.Snapshot()));
    }

    [Fact]
    public void Failed_and_pruned_trials_keep_their_point()
    {
        Study study = NewStudy(new GridSampler(SmallGrid));
        for (int i = 0; i < 12; i++)
        {
            Trial trial = study.Ask();
            SmallObjective(trial);
            study.Tell(trial, i % 2 == 0 ? TrialState.Fail : TrialState.Pruned);
        }

        Assert.Equal(12, study.Trials.Select(Key).Distinct().Count());
        Assert.Throws<SearchSpaceExhaustedException>(() => study.Ask());
    }

    [Fact]
    public void Concurrent_workers_never_repeat_a_point()
    {
        var grid = new Dictionary<string, IReadOnlyList<object?>> { ["a"] = [.. Enumerable.Range(0, 10).Cast<object?>()], ["b"] = [0, 1, 2, 3] };
        Study study = NewStudy(new GridSampler(grid));
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
            study.Optimize(t => t.SuggestInt("a", 0, 9) + t.SuggestInt("b", 0, 3), 20));

        Assert.Equal(40, study.Trials.Count);
        Assert.Equal(40, study.Trials.Select(t => $"{t.Params["a"]},{t.Params["b"]}").Distinct().Count());
    }

    [Fact]
    public void Trials_that_already_hold_a_point_are_skipped()
    {
        Study study = NewStudy(new GridSampler(new Dictionary<string, IReadOnlyList<object?>> { ["n"] = [1, 2, 3] }));
        study.Enqueue(new Dictionary<string, object?> { ["n"] = 2 });
        study.Optimize(t => t.SuggestInt("n", 1, 3), 10);

        Assert.Equal([1, 2, 3], study.Trials.Select(t => (int)t.Params["n"]!).Order());
    }

    [Fact]
    public void Grid_values_are_converted_to_the_suggested_distribution()
    {
        Study study = NewStudy(new GridSampler(new Dictionary<string, IReadOnlyList<object?>> { ["n"] = [2.0, 4.0] }));
        study.Optimize(t => t.SuggestInt("n", 1, 8), 2);

        Assert.Equal([2, 4], study.Trials.Select(t => Assert.IsType<int>(t.Params["n"])));
    }

    [Fact]
    public void A_grid_value_outside_the_suggested_range_is_a_clear_error()
    {
        Study study = NewStudy(new GridSampler(new Dictionary<string, IReadOnlyList<object?>> { ["x"] = [0.5, 2.0] }));
        Trial first = study.Ask();
        first.SuggestFloat("x", 0, 1);
        Trial second = study.Ask();

        var e = Assert.Throws<ArgumentException>(() => second.SuggestFloat("x", 0, 1));
        Assert.Contains("Grid value 2", e.Message);
    }

    [Fact]
    public void A_parameter_outside_the_grid_is_a_clear_error()
    {
        Trial trial = NewStudy(new GridSampler(SmallGrid)).Ask();

        var e = Assert.Throws<InvalidOperationException>(() => trial.SuggestFloat("y", 0, 1));
        Assert.Contains("'y' is not in the grid", e.Message);
    }

    [Fact]
    public void Derives_the_grid_from_discrete_distributions()
    {
        var sampler = GridSampler.FromSearchSpace(new Dictionary<string, Distribution>
        {
            ["p"] = new FloatDistribution(0, 1, step: 0.25),
            ["k"] = new IntDistribution(2, 8, step: 2),
            ["c"] = new CategoricalDistribution([true, false]),
        });

        Assert.Equal(5 * 4 * 2, sampler.Size);
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0], sampler.Grid["p"]);
        Assert.Equal([2, 4, 6, 8], sampler.Grid["k"]);
    }

    [Fact]
    public void Rejects_grids_it_cannot_enumerate()
    {
        Assert.Contains("continuous float", Assert.Throws<ArgumentException>(() => GridSampler.FromSearchSpace(
            new Dictionary<string, Distribution> { ["lr"] = new FloatDistribution(0, 1) })).Message);
        Assert.Contains("explicitly", Assert.Throws<ArgumentException>(() => GridSampler.FromSearchSpace(
            new Dictionary<string, Distribution> { ["n"] = new IntDistribution(0, 1_000_000) })).Message);
        Assert.Contains("'x'", Assert.Throws<ArgumentException>(() => new GridSampler(
            new Dictionary<string, IReadOnlyList<object?>> { ["x"] = [] })).Message);
        Assert.Throws<ArgumentException>(() => new GridSampler(new Dictionary<string, IReadOnlyList<object?>>()));
    }

    [Fact]
    public void Another_worker_on_the_same_storage_continues_the_grid()
    {
        var storage = new InMemoryStudyStorage();
        Study first = Study.Create(new StudyOptions { Name = "grid", Storage = storage, Sampler = new GridSampler(SmallGrid) });
        first.Optimize(SmallObjective, 5);
        Study second = Study.Create(new StudyOptions { Name = "grid", Storage = storage, Sampler = new GridSampler(SmallGrid), LoadIfExists = true });
        second.Optimize(SmallObjective, 100);

        Assert.Equal(12, second.Trials.Select(Key).Distinct().Count());
        Assert.Equal(12, second.Trials.Count);
    }

    protected override ISampler CreateSampler(int seed, IReadOnlyDictionary<string, Distribution> space)
    {
        // Continuous floats have no grid of their own: give each three explicit values (ends and middle).
        var grid = space.ToDictionary(
            p => p.Key,
            p => p.Value switch
            {
                FloatDistribution { Step: null, IsSingle: false, Log: true } f => (IReadOnlyList<object?>)new object?[] { f.Low, Math.Sqrt(f.Low * f.High), f.High },
                FloatDistribution { Step: null, IsSingle: false } f => new object?[] { f.Low, (f.Low + f.High) / 2, f.High },
                _ => (IReadOnlyList<object?>)GridSampler.FromSearchSpace(new Dictionary<string, Distribution> { [p.Key] = p.Value }).Grid[p.Key],
            });
        return new GridSampler(grid);
    }

    private static double SmallObjective(ITrial trial) =>
        trial.SuggestFloat("x", 0, 1) * trial.SuggestInt("n", 1, 3) * (trial.SuggestCategorical("act", ["relu", "tanh"]) == "relu" ? 1 : 2);

    private static string Key(FrozenTrial trial) => string.Join(",", trial.Params.Values.Select(CategoricalChoice.Format));
}
