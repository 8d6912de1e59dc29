using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;

namespace AutoDnn.Search.Tests.Samplers;

/// <summary>The conformance suite over TPE wrapped per trial, plus what the wrapper is for: workers that each build their
/// sampler from the same seed must not propose the same parameters.</summary>
public sealed class PerTrialSeededSamplerTests : SamplerConformanceTests
{
    [Theory]
    [InlineData("random")]
    [InlineData("tpe")]
    public void Two_workers_with_samplers_from_the_same_seed_propose_different_parameters(string kind)
    {
        var storage = new InMemoryStudyStorage();
        Study first = Worker(storage, kind);
        Study second = Worker(storage, kind);

        // Both ask before either tells, as two processes starting together do.
        var a = first.Ask();
        var b = second.Ask();
        double x = a.SuggestFloat("x", 0, 1);
        double y = b.SuggestFloat("x", 0, 1);

        Assert.NotEqual(x, y);
    }

    [Fact]
    public void A_trial_number_gets_the_same_suggestion_whichever_worker_runs_it()
    {
        var storage = new InMemoryStudyStorage();
        Study first = Worker(storage, "random");
        double fromFirst = first.Ask().SuggestFloat("x", 0, 1);

        var other = new InMemoryStudyStorage();
        Study second = Worker(other, "random");
        double fromSecond = second.Ask().SuggestFloat("x", 0, 1);

        Assert.Equal(fromFirst, fromSecond);
    }

    [Fact]
    public void Plain_random_samplers_from_the_same_seed_do_duplicate_which_is_why_the_wrapper_exists()
    {
        var storage = new InMemoryStudyStorage();
        Study first = Study.Create(new StudyOptions { Name = "s", Storage = storage, Sampler = new RandomSampler(7), LoadIfExists = true });
        Study second = Study.Create(new StudyOptions { Name = "s", Storage = storage, Sampler = new RandomSampler(7), LoadIfExists = true });

        Assert.Equal(first.Ask().SuggestFloat("x", 0, 1), second.Ask().SuggestFloat("x", 0, 1));
    }

    protected override ISampler CreateSampler(int seed, IReadOnlyDictionary<string, Distribution> space) =>
        new PerTrialSeededSampler(seed, s => new TpeSampler(s));

    private static Study Worker(IStudyStorage storage, string kind) => Study.Create(new StudyOptions
    {
        Name = "shared",
        Storage = storage,
        LoadIfExists = true,
        Sampler = new PerTrialSeededSampler(7, s => kind == "random" ? new RandomSampler(s) : new TpeSampler(s)),
    });
}
