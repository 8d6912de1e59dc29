using AutoDnn.Hosting.Campaigns.Space;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Search.Studies;

namespace AutoDnn.Hosting.Tests.Campaigns.Spec;

public sealed class CampaignSpecLoaderTests
{
    [Fact]
    public void TheFullExampleParsesIntoTheTypedSpec()
    {
        CampaignSpec spec = CampaignSpec.Parse(CampaignExamples.Full, "quickstart.yaml", "/campaigns");

        Assert.Equal("quickstart", spec.Name);
        Assert.Equal("Digits with a small CNN", spec.Description);
        Assert.Equal("sqlite:///autodnn.db", spec.Storage);
        Assert.Equal(["./my-plugins"], spec.Plugins);
        Assert.Equal([Path.GetFullPath("/campaigns/my-plugins")], spec.ResolvePluginFolders());
        Assert.Equal(42, spec.Seed);

        Assert.False(spec.Task.IsReinforcementLearning);
        Assert.Equal("sklearn-digits", spec.Task.Dataset!.Name);
        Assert.Equal("0.2", spec.Task.Dataset.Options["test_fraction"]);
        Assert.Equal(new SourcePosition("quickstart.yaml", 7, 19), spec.Task.Dataset.Position);
        Assert.Equal("simple-cnn", spec.Task.Architecture.Name);
        Assert.Empty(spec.Task.Architecture.Options);
        Assert.Equal(["random-crop", "gaussian-noise"], spec.Task.Augmenters.Select(a => a.Name));
        Assert.Equal("task.augmenters[1]", spec.Task.Augmenters[1].Path);
        Assert.Null(spec.Task.Environment);
        Assert.Null(spec.Task.Algorithm);

        Assert.Equal(5, spec.Training.Epochs);
        Assert.Null(spec.Training.EarlyStoppingPatience);
        Assert.Null(spec.Training.Steps);

        Assert.Equal(["train.lr", "simple-cnn.blocks", "train.optimizer", "simple-cnn.pool"], spec.Space.Select(o => o.Name));
        SpaceOverride lr = spec.Space[0];
        Assert.Equal((SpaceOverrideKind.Range, 0.001, 0.1, true, (double?)null), (lr.Kind, lr.Low, lr.High, lr.Log, lr.Step));
        Assert.Equal(new SourcePosition("quickstart.yaml", 14, 3), lr.Position);
        Assert.Equal((SpaceOverrideKind.Fixed, (object)2), (spec.Space[1].Kind, spec.Space[1].Value!));
        Assert.Equal(SpaceOverrideKind.Choices, spec.Space[2].Kind);
        Assert.Equal(["adam", "sgd"], spec.Space[2].Choices);
        Assert.Equal(SpaceOverrideKind.AddChoices, spec.Space[3].Kind);
        Assert.Equal(["lp"], spec.Space[3].Choices);

        Assert.Equal("tpe", spec.Sampler.Name);
        Assert.Equal(1, spec.Sampler.Seed);
        Assert.Equal(5, spec.Sampler.Options["n_startup_trials"]);
        Assert.Equal("median", spec.Pruner.Name);
        Assert.Equal(3, spec.Pruner.Options["n_startup_trials"]);
        Assert.Equal(1, spec.Pruner.Options["n_warmup_steps"]);

        Assert.Equal(new CrossValidationSpec(CrossValidationKind.Stratified, 3, 0.2), spec.CrossValidation);
        Assert.Equal([new ObjectiveSpec("accuracy", StudyDirection.Maximize)], spec.Objectives);
        Assert.Equal([StudyDirection.Maximize], spec.Directions);
        Assert.Equal(new BudgetSpec(12, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2)), spec.Budget);
        Assert.Equal(2, spec.Resources.Workers);
        Assert.True(spec.Resources.IsAutoDevices);
        Assert.Equal(1, spec.Resources.TrialsPerDevice);
        Assert.Equal(1, spec.Resources.ThreadsPerTrial);

        Assert.Equal(CampaignExamples.Full, spec.SourceText);
        Assert.Equal("quickstart.yaml", spec.SourceName);
        Assert.Matches("^[0-9a-f]{64}$", spec.Sha256);
    }

    [Fact]
    public void AMinimalFileGetsTheDefaults()
    {
        CampaignSpec spec = CampaignSpec.Parse(CampaignExamples.Minimal, "minimal.yaml");

        Assert.Equal("minimal", spec.Name);
        Assert.Null(spec.Description);
        Assert.Null(spec.Storage);
        Assert.Equal("sqlite:///autodnn.db", spec.ResolveStorage(null).Display);
        Assert.Equal("sqlite:///other.db", spec.ResolveStorage("sqlite:///other.db").Display);
        Assert.Empty(spec.Plugins);
        Assert.Equal(0, spec.Seed);
        Assert.Empty(spec.Task.Augmenters);
        Assert.Empty(spec.Space);
        Assert.Same(SamplerSpec.Default, spec.Sampler);
        Assert.Equal("gp", spec.Sampler.Name);
        Assert.Equal("none", spec.Pruner.Name);
        Assert.Equal(new CrossValidationSpec(), spec.CrossValidation);
        Assert.Equal([new ObjectiveSpec("accuracy", StudyDirection.Maximize)], spec.Objectives);
        Assert.Equal(new BudgetSpec(3), spec.Budget);
        Assert.Null(spec.Resources.Workers);
        Assert.True(spec.Resources.IsAutoDevices);
        Assert.Null(spec.Resources.ThreadsPerTrial);
        Assert.Null(spec.SourceDirectory);
    }

    [Fact]
    public void TheSameTextGivesTheSameHashAndAnotherTextAnother()
    {
        CampaignSpec a = CampaignSpec.Parse(CampaignExamples.Minimal, "a.yaml");
        CampaignSpec b = CampaignSpec.Parse(CampaignExamples.Minimal, "b.yaml");
        CampaignSpec c = CampaignSpec.Parse(CampaignExamples.Minimal + "\n# comment", "a.yaml");

        Assert.Equal(a.Sha256, b.Sha256);
        Assert.NotEqual(a.Sha256, c.Sha256);
    }

    [Fact]
    public void LoadReadsAFileAndResolvesPluginFoldersAgainstItsFolder()
    {
        string folder = Directory.CreateTempSubdirectory("autodnn-campaign-").FullName;
        try
        {
            string path = Path.Combine(folder, "c.yaml");
            File.WriteAllText(path, CampaignExamples.Full);

            CampaignSpec spec = CampaignSpecLoader.Load(path);

            Assert.Equal(folder, spec.SourceDirectory);
            Assert.Equal([Path.Combine(folder, "my-plugins")], spec.ResolvePluginFolders());
            Assert.Equal(path, spec.SourceName);
            Assert.Throws<FileNotFoundException>(() => CampaignSpecLoader.Load(Path.Combine(folder, "missing.yaml")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AReinforcementLearningCampaignGetsItsOwnDefaults()
    {
        const string Yaml = """
            name: cartpole
            task:
              environment: {name: cartpole, options: {max_steps: 500}}
              algorithm: reinforce
              architecture: q-mlp
            training: {steps: 5000}
            cv: {folds: 2}
            budget: {trials: 4}
            resources: {devices: [cpu, cuda:0]}
            """;

        CampaignSpec spec = CampaignSpec.Parse(Yaml, "rl.yaml");

        Assert.True(spec.Task.IsReinforcementLearning);
        Assert.Equal(RlAlgorithm.Reinforce, spec.Task.Algorithm);
        Assert.Equal("500", spec.Task.Environment!.Options["max_steps"]);
        Assert.Equal((5000, 500, 10), (spec.Training.Steps!.Value, spec.Training.EvalEvery!.Value, spec.Training.EvalEpisodes!.Value));
        Assert.Null(spec.Training.Epochs);
        Assert.Equal(2, spec.CrossValidation.Folds);
        Assert.Equal([new ObjectiveSpec("mean_return", StudyDirection.Maximize)], spec.Objectives);
        Assert.Equal(["cpu", "cuda:0"], spec.Resources.Devices);
    }

    [Fact]
    public void ShortFormsAndAMultiObjectiveListParse()
    {
        const string Yaml = """
            name: short
            task: {dataset: {name: digits}, architecture: {name: mlp}, augmenters: flip}
            training: {epochs: 1, early_stopping: 2, max_examples: 100, final_epochs: 3}
            sampler: nsga2
            objective: [accuracy, {metric: loss}, {metric: log_loss, direction: maximize}]
            cv: {kind: holdout, holdout_fraction: 0.25}
            budget: {trials: 1, time: 1h30m}
            resources: {devices: cpu}
            """;

        CampaignSpec spec = CampaignSpec.Parse(Yaml, "short.yaml");

        Assert.Equal(["flip"], spec.Task.Augmenters.Select(a => a.Name));
        Assert.Equal((2, 100, 3), (spec.Training.EarlyStoppingPatience!.Value, spec.Training.MaxExamples!.Value, spec.Training.FinalEpochs!.Value));
        Assert.Equal(new SamplerSpec("nsga2", null, spec.Sampler.Options), spec.Sampler);
        Assert.Equal(
            [new ObjectiveSpec("accuracy", StudyDirection.Maximize), new ObjectiveSpec("loss", StudyDirection.Minimize), new ObjectiveSpec("log_loss", StudyDirection.Maximize)],
            spec.Objectives);
        Assert.Equal(new CrossValidationSpec(CrossValidationKind.Holdout, 1, 0.25), spec.CrossValidation);
        Assert.Equal(TimeSpan.FromMinutes(90), spec.Budget.Time);
        Assert.Equal(["cpu"], spec.Resources.Devices);
    }
}
