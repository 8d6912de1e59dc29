using System.Reflection;
using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Campaigns.Factories;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Search.Pruners;
using AutoDnn.Search.Samplers;

namespace AutoDnn.Hosting.Tests.Campaigns.Factories;

public sealed class FactoryTests
{
    [Fact]
    public void EverySamplerNameBuildsItsTypeWithTheOptionsApplied()
    {
        var gp = (GpSampler)SamplerFactory.Create(Sampler("{name: gp, options: {n_startup_trials: 7, candidates: 64, refinements: 2}}"), 42);
        Assert.Equal((42, 7, 64, 2), (Field<int>(gp, "_seed"), Field<int>(gp, "_startupTrials"), Field<int>(gp, "_candidates"), Field<int>(gp, "_refinements")));

        var perTrial = (PerTrialSeededSampler)SamplerFactory.Create(Sampler("{name: tpe, seed: 1, options: {n_startup_trials: 5, multivariate: true, prior_weight: 2}}"), 42);
        var tpe = (TpeSampler)perTrial.CreateFor(3);
        Assert.Equal((perTrial.SeedFor(3), 5, true, 2.0, 24), (tpe.Options.Seed!.Value, tpe.Options.StartupTrials, tpe.Options.Multivariate, tpe.Options.PriorWeight, tpe.Options.EiCandidates));

        var tunedPerTrial = (PerTrialSeededSampler)SamplerFactory.Create(Sampler("{name: tpe-tuned, options: {n_ei_candidates: 10}}"), 3);
        var tuned = (TpeSampler)tunedPerTrial.CreateFor(0);
        Assert.Equal((tunedPerTrial.SeedFor(0), 10, true, 0.15), (tuned.Options.Seed!.Value, tuned.Options.EiCandidates, tuned.Options.Group, tuned.Options.BandwidthFactor));

        var random = (PerTrialSeededSampler)SamplerFactory.Create(Sampler("random"), 9);
        Assert.IsType<RandomSampler>(random.CreateFor(0));
        Assert.NotEqual(random.SeedFor(0), random.SeedFor(1));
        Assert.NotEqual(new PerTrialSeededSampler(10, s => new RandomSampler(s)).SeedFor(0), random.SeedFor(0));

        var nsga = (NsgaIISampler)SamplerFactory.Create(Sampler("{name: nsga2, options: {population_size: 10, crossover: sbx, mutation_probability: 0.25}}"), 5);
        Assert.Equal((5, 10, NsgaIICrossover.Sbx, (double?)0.25), (Field<int>(nsga, "_seed"), Field<int>(nsga, "_populationSize"), Field<NsgaIICrossover>(nsga, "_crossover"), Field<double?>(nsga, "_mutationProbability")));

        var grid = (GridSampler)SamplerFactory.Create(Sampler("{name: grid, options: {grid: {a: [1, 2], b: [x, y, z]}}}"), 0);
        Assert.Equal(6, grid.Size);

        var traced = (GridSampler)SamplerFactory.Create(Sampler("grid"), 0, new Dictionary<string, Distribution> { ["n"] = new IntDistribution(1, 4) });
        Assert.Equal(4, traced.Size);
        Assert.Throws<ArgumentException>(() => SamplerFactory.Create(Sampler("grid"), 0));

        Assert.IsType<GpSampler>(SamplerFactory.Create(SamplerSpec.Default, 1));
    }

    [Fact]
    public void EveryPrunerNameBuildsItsTypeWithTheOptionsApplied()
    {
        Assert.IsType<NopPruner>(PrunerFactory.Create(PrunerSpec.Default));

        var median = (MedianPruner)PrunerFactory.Create(Pruner("{name: median, options: {n_startup_trials: 3, n_warmup_steps: 1}}"));
        Assert.Equal((3, 1, 1), (median.NStartupTrials, median.NWarmupSteps, median.IntervalSteps));

        var percentile = (PercentilePruner)PrunerFactory.Create(Pruner("{name: percentile, options: {percentile: 25, include_pruned_trials: true}}"));
        Assert.Equal((25.0, true), (percentile.Percentile, percentile.IncludePrunedTrials));

        var sha = (SuccessiveHalvingPruner)PrunerFactory.Create(Pruner("{name: successive-halving, options: {min_resource: auto, reduction_factor: 3}}"));
        Assert.Equal(((int?)null, 3), (sha.MinResource, sha.ReductionFactor));

        var hyperband = (HyperbandPruner)PrunerFactory.Create(Pruner("{name: hyperband, options: {min_resource: 2, max_resource: 18}}"));
        Assert.Equal((2, (int?)18, 3), (hyperband.MinResource, hyperband.MaxResource, hyperband.ReductionFactor));

        var threshold = (ThresholdPruner)PrunerFactory.Create(Pruner("{name: threshold, options: {upper: 10}}"));
        Assert.Equal(10.0, threshold.Upper);

        var patient = (PatientPruner)PrunerFactory.Create(Pruner("{name: patient, options: {patience: 2, wrapped: {name: median, options: {n_startup_trials: 4}}}}"));
        Assert.Equal(2, patient.Patience);
        Assert.Equal(4, Assert.IsType<MedianPruner>(patient.WrappedPruner).NStartupTrials);
        Assert.Null(((PatientPruner)PrunerFactory.Create(Pruner("{name: patient, options: {patience: 1}}"))).WrappedPruner);

        var wilcoxon = (WilcoxonPruner)PrunerFactory.Create(Pruner("{name: wilcoxon, options: {p_threshold: 0.05, instances: steps}}"));
        Assert.Equal((0.05, WilcoxonInstances.Steps), (wilcoxon.PThreshold, wilcoxon.Instances));
    }

    [Fact]
    public void TheCatalogsNameEveryComponentTheFactoriesBuild()
    {
        Assert.Equal(SamplerCatalog.Names.Order(), SamplerCatalog.Options.Keys.Order());
        Assert.Equal(PrunerCatalog.Names.Order(), PrunerCatalog.Options.Keys.Order());
        Assert.Equal(["gp", "tpe", "tpe-tuned", "random", "grid", "nsga2"], SamplerCatalog.Names);
    }

    [Fact]
    public void MissingRequiredOptionsAndBadOptionValuesAreCaughtByTheLoader()
    {
        CampaignValidationException e = Assert.Throws<CampaignValidationException>(() => Parse(
            "sampler: {name: nsga2, options: {crossover: blend}}\npruner: {name: patient, options: {min_delta: 0.1}}"));
        Assert.Equal(
            [
                "f.yaml:5:45: sampler.options.crossover: unknown value \"blend\"; write one of uniform, sbx instead",
                "f.yaml:6:34: pruner.options.patience: missing required option of pruner patient; write options: {patience: 2} instead",
            ],
            e.Errors.Select(x => x.ToString()));
    }

    private static SamplerSpec Sampler(string yaml) => Parse($"sampler: {yaml}").Sampler;

    private static PrunerSpec Pruner(string yaml) => Parse($"pruner: {yaml}").Pruner;

    private static CampaignSpec Parse(string lines) =>
        CampaignSpec.Parse($"name: f\ntask: {{dataset: d, architecture: a}}\ntraining: {{epochs: 1}}\nbudget: {{trials: 1}}\n{lines}\n", "f.yaml");

    private static T Field<T>(object target, string name) =>
        (T)target.GetType().GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(target)!;
}
