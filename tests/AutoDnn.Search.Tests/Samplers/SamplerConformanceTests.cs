using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Tests.Samplers;

/// <summary>The contract every sampler passes: subclass it, implement <see cref="CreateSampler"/>, and the suite runs.</summary>
public abstract class SamplerConformanceTests
{
    protected const int TrialCount = 30;

    public static IReadOnlyDictionary<string, Distribution> MixedSpace { get; } = new Dictionary<string, Distribution>
    {
        ["lr"] = new FloatDistribution(1e-5, 1e-1, log: true),
        ["dropout"] = new FloatDistribution(0.0, 0.5, step: 0.1),
        ["momentum"] = new FloatDistribution(0.5, 0.99),
        ["layers"] = new IntDistribution(1, 6),
        ["width"] = new IntDistribution(16, 512, log: true),
        ["batch"] = new IntDistribution(32, 256, step: 32),
        ["optimizer"] = new CategoricalDistribution(["sgd", "adam", "rmsprop"]),
        ["bias"] = new CategoricalDistribution([true, false]),
    };

    public static IReadOnlyDictionary<string, Distribution> ConditionalSpace { get; } = new Dictionary<string, Distribution>
    {
        ["kind"] = new CategoricalDistribution(["cnn", "mlp"]),
        ["filters"] = new IntDistribution(8, 32, step: 8),
        ["kernel_dropout"] = new FloatDistribution(0.0, 0.5),
        ["units"] = new IntDistribution(1, 4, log: true),
    };

    public static IReadOnlyDictionary<string, Distribution> SingleValueSpace { get; } = new Dictionary<string, Distribution>
    {
        ["fixed_float"] = new FloatDistribution(2.5, 2.5),
        ["fixed_log"] = new FloatDistribution(1.0, 1.0, log: true),
        ["fixed_step"] = new FloatDistribution(0.3, 0.3, step: 0.1),
        ["fixed_int"] = new IntDistribution(3, 3),
        ["fixed_choice"] = new CategoricalDistribution(["only"]),
        ["free"] = new IntDistribution(0, 39),
    };

    /// <summary>A sampler seeded with seed, for trials that suggest exactly the parameters of space (grids derive from it).</summary>
    protected abstract ISampler CreateSampler(int seed, IReadOnlyDictionary<string, Distribution> space);

    [Fact]
    public void Bounds_types_log_and_step_are_respected()
    {
        Study study = NewStudy(CreateSampler(1, MixedSpace));
        study.Optimize(MixedObjective, TrialCount);

        Assert.Equal(TrialCount, study.Trials.Count(t => t.State == TrialState.Complete));
        foreach (FrozenTrial trial in study.Trials)
        {
            Assert.Equal(MixedSpace.Keys.Order(StringComparer.Ordinal), trial.Params.Keys);
            AssertValid(trial);
        }
    }

    [Fact]
    public void Same_seed_gives_same_suggestions()
    {
        Study first = NewStudy(CreateSampler(42, MixedSpace));
        Study second = NewStudy(CreateSampler(42, MixedSpace));
        first.Optimize(MixedObjective, TrialCount);
        second.Optimize(MixedObjective, TrialCount);

        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void Conditional_parameters_appear_only_in_their_branch()
    {
        Study study = NewStudy(CreateSampler(3, ConditionalSpace));
        study.Optimize(ConditionalObjective, TrialCount);

        foreach (FrozenTrial trial in study.Trials)
        {
            AssertValid(trial);
            string[] expected = (string)trial.Params["kind"]! == "cnn" ? ["filters", "kernel_dropout", "kind"] : ["kind", "units"];
            Assert.Equal(expected, trial.Params.Keys);
        }

        Assert.Equal(["cnn", "mlp"], study.Trials.Select(t => (string)t.Params["kind"]!).Distinct().Order());
    }

    [Fact]
    public void Failed_pruned_and_running_trials_in_history_are_tolerated()
    {
        Study study = NewStudy(CreateSampler(5, MixedSpace));
        Trial abandoned = study.Ask();
        MixedObjective(abandoned);
        for (int i = 0; i < TrialCount - 1; i++)
        {
            Trial trial = study.Ask();
            double value = MixedObjective(trial);
            switch (i % 3)
            {
                case 0:
                    study.Tell(trial, TrialState.Fail);
                    break;
                case 1:
                    trial.Report(value, step: 0);
                    study.Tell(trial, TrialState.Pruned);
                    break;
                default:
                    study.Tell(trial, value);
                    break;
            }
        }

        Assert.Contains(study.Trials, t => t.State == TrialState.Running);
        Assert.All(study.Trials, AssertValid);
    }

    [Fact]
    public void Samples_with_zero_completed_trials()
    {
        Study study = NewStudy(CreateSampler(11, MixedSpace));
        for (int i = 0; i < 10; i++)
        {
            Trial trial = study.Ask();
            MixedObjective(trial);
            study.Tell(trial, TrialState.Fail);
        }

        Assert.DoesNotContain(study.Trials, t => t.State == TrialState.Complete);
        Assert.All(study.Trials, AssertValid);
    }

    [Fact]
    public void Single_value_ranges_return_their_value()
    {
        Study study = NewStudy(CreateSampler(13, SingleValueSpace));
        study.Optimize(SingleValueObjective, TrialCount);

        Assert.Equal(TrialCount, study.Trials.Count);
        foreach (FrozenTrial trial in study.Trials)
        {
            Assert.Equal(2.5, trial.Params["fixed_float"]);
            Assert.Equal(1.0, trial.Params["fixed_log"]);
            Assert.Equal(0.3, trial.Params["fixed_step"]);
            Assert.Equal(3, trial.Params["fixed_int"]);
            Assert.Equal("only", trial.Params["fixed_choice"]);
            AssertValid(trial);
        }
    }

    [Fact]
    public void Works_in_multi_objective_studies()
    {
        Study study = Study.Create(new StudyOptions
        {
            Sampler = CreateSampler(17, MixedSpace),
            Directions = [StudyDirection.Minimize, StudyDirection.Maximize],
        });
        study.Optimize(t => [MixedObjective(t), t.Params.Count], TrialCount);

        Assert.Equal(TrialCount, study.Trials.Count(t => t.State == TrialState.Complete));
        Assert.All(study.Trials, AssertValid);
    }

    [Fact]
    public void Concurrent_workers_get_valid_suggestions()
    {
        Study study = NewStudy(CreateSampler(19, MixedSpace));
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (int i = 0; i < 8; i++)
            {
                Trial trial = study.Ask();
                study.Tell(trial, MixedObjective(trial));
            }
        });

        Assert.Equal(32, study.Trials.Select(t => t.Number).Distinct().Count());
        Assert.All(study.Trials, AssertValid);
    }

    protected static Study NewStudy(ISampler sampler) => Study.Create(new StudyOptions { Sampler = sampler });

    protected static double MixedObjective(ITrial trial)
    {
        double lr = trial.SuggestFloat("lr", 1e-5, 1e-1, log: true);
        double dropout = trial.SuggestFloat("dropout", 0.0, 0.5, step: 0.1);
        double momentum = trial.SuggestFloat("momentum", 0.5, 0.99);
        int layers = trial.SuggestInt("layers", 1, 6);
        int width = trial.SuggestInt("width", 16, 512, log: true);
        int batch = trial.SuggestInt("batch", 32, 256, step: 32);
        string optimizer = trial.SuggestCategorical("optimizer", ["sgd", "adam", "rmsprop"]);
        bool bias = trial.SuggestCategorical("bias", [true, false]);
        return Math.Log10(lr) + dropout + momentum + layers + Math.Log2(width) + (batch / 32.0) + optimizer.Length + (bias ? 1 : 0);
    }

    protected static double ConditionalObjective(ITrial trial)
    {
        if (trial.SuggestCategorical("kind", ["cnn", "mlp"]) == "cnn")
        {
            return trial.SuggestInt("filters", 8, 32, step: 8) * trial.SuggestFloat("kernel_dropout", 0.0, 0.5);
        }

        return trial.SuggestInt("units", 1, 4, log: true);
    }

    protected static double SingleValueObjective(ITrial trial) =>
        trial.SuggestFloat("fixed_float", 2.5, 2.5)
        + trial.SuggestFloat("fixed_log", 1.0, 1.0, log: true)
        + trial.SuggestFloat("fixed_step", 0.3, 0.3, step: 0.1)
        + trial.SuggestInt("fixed_int", 3, 3)
        + trial.SuggestCategorical("fixed_choice", ["only"]).Length
        + trial.SuggestInt("free", 0, 39);

    /// <summary>Every parameter lies in its distribution and has the user-facing type of its kind.</summary>
    protected static void AssertValid(FrozenTrial trial)
    {
        foreach ((string name, Distribution distribution) in trial.Distributions)
        {
            double value = trial.InternalParams[name];
            Assert.True(distribution.Contains(value), $"Trial {trial.Number}: '{name}' = {value} is outside {distribution}.");
            object? external = trial.Params[name];
            switch (distribution)
            {
                case FloatDistribution f:
                    double x = Assert.IsType<double>(external);
                    Assert.InRange(x, f.Low, f.High);
                    if (f.Log)
                    {
                        Assert.True(x > 0);
                    }

                    if (f.Step is { } step)
                    {
                        double k = (x - f.Low) / step;
                        Assert.True(Math.Abs(k - Math.Round(k)) < 1e-8, $"'{name}' = {x} is off the step grid.");
                    }

                    break;
                case IntDistribution i:
                    int n = Assert.IsType<int>(external);
                    Assert.InRange(n, i.Low, i.High);
                    Assert.Equal(0, (n - i.Low) % i.Step);
                    break;
                case CategoricalDistribution c:
                    Assert.Contains(external, c.Choices);
                    break;
            }
        }
    }

    private static List<string> Describe(Study study) =>
        study.Trials.Select(t => string.Join(";", t.Params.Select(p => $"{p.Key}={CategoricalChoice.Format(p.Value)}"))).ToList();
}
