using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Studies;

public sealed class StudyTests
{
    [Theory]
    [InlineData(StudyDirection.Minimize, 1.0)]
    [InlineData(StudyDirection.Maximize, 5.0)]
    public void Ask_and_tell_track_the_best_trial(StudyDirection direction, double best)
    {
        Study study = Study.Create(new StudyOptions { Directions = [direction] });
        foreach (double value in new[] { 3.0, 1.0, 5.0, 1.0 })
        {
            Trial trial = study.Ask();
            trial.SuggestFloat("x", 0, 1);
            study.Tell(trial, value);
        }

        Assert.Equal([0, 1, 2, 3], study.Trials.Select(t => t.Number));
        Assert.Equal(best, study.BestValue);
        Assert.Equal(direction == StudyDirection.Minimize ? 1 : 2, study.BestTrial.Number);
        Assert.Equal(direction == StudyDirection.Minimize ? 2 : 1, study.BestTrials.Count);
        Assert.Equal(study.BestTrial.Params["x"], study.BestParams["x"]);
    }

    [Fact]
    public void Tell_is_checked()
    {
        Study study = Study.Create();
        Trial trial = study.Ask();

        Assert.Throws<ArgumentException>(() => study.Tell(trial, [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => study.Tell(trial, TrialState.Running));
        Assert.Throws<ArgumentException>(() => study.Tell(trial, TrialState.Complete));
        Assert.Throws<ArgumentException>(() => Study.Create().Tell(trial, 1.0));
        study.Tell(trial, 1.0);
        Assert.Contains("already Complete", Assert.Throws<InvalidOperationException>(() => study.Tell(trial, 2.0)).Message);
    }

    [Fact]
    public void A_nan_objective_fails_the_trial_with_a_reason()
    {
        Study study = Study.Create();
        FrozenTrial told = study.Tell(study.Ask(), double.NaN);

        Assert.Equal(TrialState.Fail, told.State);
        Assert.Null(told.Values);
        Assert.Contains("NaN", told.SystemAttributes[TrialSystemAttributes.FailReason].GetString());
        Assert.Throws<InvalidOperationException>(() => study.BestTrial);
    }

    [Fact]
    public void A_pruned_trial_keeps_the_mean_of_its_last_step_over_folds()
    {
        Study study = Study.Create();
        Trial trial = study.Ask();
        trial.Report(9, step: 0, fold: 0);
        trial.Report(4, step: 1, fold: 0);
        trial.Report(6, step: 1, fold: 1);

        Assert.Equal(5.0, study.Tell(trial, TrialState.Pruned).Value);
    }

    [Fact]
    public void Optimize_prunes_fails_and_rethrows()
    {
        Study study = Study.Create();
        study.Optimize(t => t.Number == 1 ? throw new TrialPrunedException() : t.Number, 3);
        var e = Assert.Throws<InvalidDataException>(() => study.Optimize(t => t.Number < 0 ? 0.0 : throw new InvalidDataException("bad batch"), 5));

        Assert.Equal("bad batch", e.Message);
        Assert.Equal([TrialState.Complete, TrialState.Pruned, TrialState.Complete, TrialState.Fail], study.Trials.Select(t => t.State));
        Assert.Contains("bad batch", study.Trials[3].SystemAttributes[TrialSystemAttributes.FailReason].GetString());
    }

    [Fact]
    public void Multi_objective_best_trials_are_the_pareto_front()
    {
        Study study = Study.Create(new StudyOptions { Directions = [StudyDirection.Minimize, StudyDirection.Maximize] });
        double[][] results = [[1, 1], [2, 3], [3, 2], [0, 0], [2, 3]];
        foreach (double[] values in results)
        {
            study.Tell(study.Ask(), values);
        }

        Assert.Equal([0, 1, 3, 4], study.BestTrials.Select(t => t.Number));
        Assert.Throws<InvalidOperationException>(() => study.BestTrial);
        Assert.Throws<InvalidOperationException>(() => study.Ask().ShouldPrune());
    }

    [Fact]
    public void Infeasible_trials_are_never_best()
    {
        Study study = Study.Create(new StudyOptions { Constraints = t => [t.GetParam<double>("x") - 0.5] });
        study.Enqueue(new Dictionary<string, object?> { ["x"] = 0.9 });
        study.Enqueue(new Dictionary<string, object?> { ["x"] = 0.2 });
        study.Optimize(t => -t.SuggestFloat("x", 0, 1), 2);
        Trial explicitConstraints = study.Ask();
        explicitConstraints.SuggestFloat("x", 0, 1);
        study.Tell(explicitConstraints, TrialState.Complete, [-100.0], [1.0]);

        Assert.Equal([false, true, false], study.Trials.Select(t => t.IsFeasible));
        Assert.Equal(0.4, study.Trials[0].Constraints![0], 12);
        Assert.Equal(1, study.BestTrial.Number);
        Assert.Equal([1], study.BestTrials.Select(t => t.Number));
    }

    [Fact]
    public void Enqueued_values_are_used_first_and_the_rest_is_sampled()
    {
        Study study = Study.Create(new StudyOptions { Sampler = new RandomSampler(0) });
        study.Enqueue(new Dictionary<string, object?> { ["lr"] = 0.01, ["layers"] = 3, ["act"] = "tanh" });
        study.Enqueue(new Dictionary<string, object?> { ["lr"] = 0.01, ["layers"] = 3, ["act"] = "tanh" }, skipIfExists: true);
        study.Optimize(
            t => t.SuggestFloat("lr", 1e-4, 1, log: true) + t.SuggestInt("layers", 1, 5)
                + t.SuggestCategorical("act", ["relu", "tanh"]).Length + t.SuggestFloat("free", 0, 1),
            2);

        FrozenTrial first = study.Trials[0];
        Assert.Equal(2, study.Trials.Count);
        Assert.Equal((0.01, 3, "tanh"), ((double)first.Params["lr"]!, (int)first.Params["layers"]!, (string)first.Params["act"]!));
        Assert.InRange((double)first.Params["free"]!, 0, 1);
        study.Enqueue(new Dictionary<string, object?> { ["layers"] = 3, ["act"] = "tanh" }, skipIfExists: true);
        Assert.Equal(2, study.Trials.Count);
    }

    [Fact]
    public void AskWaiting_takes_only_enqueued_trials_and_samples_what_they_leave_open()
    {
        Study study = Study.Create(new StudyOptions { Sampler = new RandomSampler(3) });
        study.Enqueue(new Dictionary<string, object?>());
        study.Enqueue(new Dictionary<string, object?> { ["x"] = 0.25 });

        var values = new List<double>();
        while (study.AskWaiting() is { } trial)
        {
            double x = trial.SuggestFloat("x", 0, 1);
            values.Add(x);
            study.Tell(trial, x);
        }

        Assert.Equal(2, values.Count);
        Assert.InRange(values[0], 0, 1);
        Assert.Equal(0.25, values[1]);
        Assert.Null(study.AskWaiting());
        Assert.Equal(2, study.Trials.Count);
        Assert.All(study.Trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public void An_enqueued_value_outside_the_range_names_the_parameter()
    {
        Study study = Study.Create();
        study.Enqueue(new Dictionary<string, object?> { ["layers"] = 9 });
        Assert.Throws<ArgumentException>(() => study.Enqueue(new Dictionary<string, object?> { ["bad"] = new object() }));
        var e = Assert.Throws<ArgumentException>(() => study.Optimize(t => t.SuggestInt("layers", 1, 5), 1));

        Assert.Equal("layers", e.ParamName);
        Assert.Equal(TrialState.Fail, Assert.Single(study.Trials).State);
    }

    [Fact]
    public void Load_if_exists_continues_a_stored_study()
    {
        var storage = new InMemoryStudyStorage();
        Study first = Study.Create(new StudyOptions { Name = "s", Storage = storage });
        first.Optimize(_ => 1, 2);
        first.SetUserAttribute("owner", "ana");

        Assert.Throws<DuplicateStudyException>(() => Study.Create(new StudyOptions { Name = "s", Storage = storage }));
        Assert.Throws<ArgumentException>(() => Study.Create(new StudyOptions
        {
            Name = "s", Storage = storage, LoadIfExists = true, Directions = [StudyDirection.Maximize],
        }));
        Study second = Study.Create(new StudyOptions { Name = "s", Storage = storage, LoadIfExists = true });
        second.Optimize(_ => 0, 1);

        Assert.Equal(3, first.Trials.Count);
        Assert.Equal(0, first.BestValue);
        Assert.Equal("ana", second.UserAttributes["owner"].GetString());
    }

    [Fact]
    public void Finished_trials_can_be_imported()
    {
        Study study = Study.Create();
        FrozenTrial added = study.AddTrial(new FrozenTrial
        {
            State = TrialState.Complete,
            Values = [0.5],
            InternalParams = new Dictionary<string, double> { ["x"] = 0.25 },
            Distributions = new Dictionary<string, Distribution> { ["x"] = new FloatDistribution(0, 1) },
        });

        Assert.Equal(0, added.Number);
        Assert.Equal(0.25, study.BestParams["x"]);
        Assert.Throws<ArgumentException>(() => study.AddTrial(new FrozenTrial { State = TrialState.Running }));
    }

    [Fact]
    public void A_sampler_that_breaks_its_contract_is_caught_and_named()
    {
        Study study = Study.Create(new StudyOptions { Sampler = new OutOfRangeSampler() });
        Trial trial = study.Ask();

        var e = Assert.Throws<InvalidOperationException>(() => trial.SuggestFloat("x", 0, 1));
        Assert.Contains(nameof(OutOfRangeSampler), e.Message);
    }

    private sealed class OutOfRangeSampler : ISampler
    {
        public IReadOnlyDictionary<string, Distribution> InferRelativeSearchSpace(StudySnapshot study, FrozenTrial trial) =>
            new Dictionary<string, Distribution>();

        public IReadOnlyDictionary<string, double> SampleRelative(
            StudySnapshot study, FrozenTrial trial, IReadOnlyDictionary<string, Distribution> searchSpace) =>
            new Dictionary<string, double>();

        public double SampleIndependent(StudySnapshot study, FrozenTrial trial, string name, Distribution distribution) => 7;
    }
}
