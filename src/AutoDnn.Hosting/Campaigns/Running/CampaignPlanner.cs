using AutoDnn.Abstractions.Plugins;
using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Campaigns.Factories;
using AutoDnn.Hosting.Campaigns.Space;
using AutoDnn.Hosting.Campaigns.Spec;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Storage;
using AutoDnn.Torch;
using AutoDnn.Training.Rl;
using AutoDnn.Training.Runs;
using AutoDnn.Training.Supervised;

namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>Turns a validated campaign spec and the loaded plugins into a <see cref="CampaignPlan"/>: checks the plugins,
/// traces the search space once (so overrides naming no hyperparameter are reported with their file position, and the
/// grid sampler knows its space), and resolves storage, devices and threads.</summary>
public static class CampaignPlanner
{
    /// <summary>Builds the plan; throws <see cref="CampaignValidationException"/> for plugin or override problems.</summary>
    /// <param name="spec">The validated campaign.</param>
    /// <param name="catalog">Plugins loaded from the default folders plus the campaign's.</param>
    /// <param name="storageOverride">A storage URL that replaces the file's (the --storage option), or null.</param>
    /// <param name="workersOverride">A worker count that replaces the file's (the --workers option), or null.</param>
    public static CampaignPlan Create(CampaignSpec spec, PluginCatalog catalog, string? storageOverride = null, int? workersOverride = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalog);
        spec.ValidatePlugins(PluginDirectory.FromCatalog(catalog));
        StorageUrl storage = storageOverride is null
            ? spec.ResolveStorage(Environment.GetEnvironmentVariable("AUTODNN_STORAGE"))
            : StorageUrl.Parse(storageOverride);
        IReadOnlyList<Device> devices = ResolveDevices(spec.Resources, LibTorch.CudaDeviceCount, LibTorch.Version);
        int workers = workersOverride ?? spec.Resources.Workers ?? DefaultWorkers(devices, spec.Resources.TrialsPerDevice);
        if (workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workersOverride), workers, $"--workers must be at least 1, got {workers}.");
        }

        List<PluginEntry> plugins = [Entry(catalog, spec.Task.Architecture.Name)];
        plugins.Add(Entry(catalog, (spec.Task.Dataset ?? spec.Task.Environment)!.Name));
        plugins.AddRange(spec.Task.Augmenters.Select(a => Entry(catalog, a.Name)));
        Func<ITrialRunner> createRunner = () => CreateRunner(spec, catalog);

        // One dry run of the define-by-run code, so that every override is known to name a real hyperparameter.
        IReadOnlyDictionary<string, Distribution> space = Trace(spec, createRunner);
        string? sqlite = storage.SqliteFile;
        string artifactRoot = Path.GetFullPath(Path.Combine(
            sqlite is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(sqlite))!,
            "autodnn-artifacts",
            spec.Name));
        return new CampaignPlan
        {
            Name = spec.Name,
            SpecYaml = spec.SourceText,
            SpecSha256 = spec.Sha256,
            Storage = storage,
            Directions = spec.Directions,
            Objectives = spec.Objectives.Select(o => o.Metric).ToList(),
            Seed = spec.Seed,
            Trials = spec.Budget.Trials,
            TimeBudget = spec.Budget.Time,
            TrialTime = spec.Budget.TrialTime,
            Workers = workers,
            ThreadsPerTrial = spec.Resources.ThreadsPerTrial ?? Math.Max(1, Environment.ProcessorCount / workers),
            Devices = devices,
            FinalEpochs = spec.Training.FinalEpochs ?? spec.Training.Epochs ?? 0,
            CreateSampler = () => SamplerFactory.Create(spec.Sampler, spec.Seed, space),
            CreatePruner = () => PrunerFactory.Create(spec.Pruner),
            WrapTrial = trial => spec.Space.Count == 0 ? trial : new OverridingTrial(trial, spec.Space),
            CreateRunner = createRunner,
            CreateFinalRunner = () => CreateRunner(spec, catalog, allExamples: true),
            Plugins = plugins,
            ArtifactRoot = artifactRoot,
            StaleGrace = StaleGrace(),
        };
    }

    /// <summary>Seconds a running trial may stay silent before it counts as dead: AUTODNN_STALE_GRACE, default 20.</summary>
    private static TimeSpan StaleGrace()
    {
        string? text = Environment.GetEnvironmentVariable("AUTODNN_STALE_GRACE");
        if (text is null)
        {
            return TimeSpan.FromSeconds(20);
        }

        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double seconds) && seconds >= 5
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"AUTODNN_STALE_GRACE='{text}' must be a number of seconds of at least 5 (well above the 2 s heartbeat).");
    }

    /// <summary>The runner the campaign's task needs, with plugins fresh from the catalog (the dataset is opened here);
    /// <paramref name="allExamples"/> ignores <c>training.max_examples</c> (the final retraining).</summary>
    public static ITrialRunner CreateRunner(CampaignSpec spec, PluginCatalog catalog, bool allExamples = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalog);
        CampaignTask task = spec.Task;
        var architecture = catalog.Create<IArchitecture>(task.Architecture.Name);
        if (task.Environment is { } environment)
        {
            var options = new RlRunOptions
            {
                Algorithm = task.Algorithm == Spec.RlAlgorithm.Reinforce ? Training.Rl.RlAlgorithm.Reinforce : Training.Rl.RlAlgorithm.Dqn,
                TotalSteps = spec.Training.Steps ?? new RlRunOptions().TotalSteps,
                EvalEvery = spec.Training.EvalEvery ?? new RlRunOptions().EvalEvery,
                EvalEpisodes = spec.Training.EvalEpisodes ?? new RlRunOptions().EvalEpisodes,
                Seeds = spec.CrossValidation.Folds,
                SplitSeed = spec.Seed,
            };
            return new RlTrialRunner(() => catalog.Create<IEnvironment>(environment.Name), architecture, options);
        }

        PluginReference datasetReference = task.Dataset!;
        var dataset = catalog.Create<IDataset>(datasetReference.Name);
        IDataSource data;
        try
        {
            data = dataset.Open(datasetReference.Options);
        }
        catch (Exception e) when (e is ArgumentException or IOException or FormatException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new CampaignValidationException(
                [new CampaignError(datasetReference.Position, datasetReference.Path, $"dataset '{datasetReference.Name}' cannot be opened: {e.Message}")]);
        }

        var augmenters = task.Augmenters.Select(a => catalog.Create<IAugmenter>(a.Name)).ToList();
        var supervised = new SupervisedRunOptions
        {
            TaskKind = catalog.Find(datasetReference.Name)!.Task!.Value,
            Validation = spec.CrossValidation.Kind switch
            {
                CrossValidationKind.KFold => ValidationKind.KFold,
                CrossValidationKind.Holdout => ValidationKind.Holdout,
                _ => ValidationKind.StratifiedKFold,
            },
            Folds = spec.CrossValidation.Folds,
            HoldoutFraction = spec.CrossValidation.HoldoutFraction,
            SplitSeed = spec.Seed,
            Epochs = spec.Training.Epochs ?? 10,
            Metric = spec.Objectives[0].Metric == "loss" ? "log_loss" : spec.Objectives[0].Metric,
            EarlyStoppingPatience = spec.Training.EarlyStoppingPatience,
            MaxExamples = allExamples ? null : spec.Training.MaxExamples,
        };
        try
        {
            return new SupervisedTrialRunner(data, architecture, augmenters, supervised);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>Runs the campaign's define-by-run code once on a recording trial (training is cancelled before the first
    /// batch) and returns the distributions it suggested; overrides no plugin suggested are errors with their positions.</summary>
    private static IReadOnlyDictionary<string, Distribution> Trace(CampaignSpec spec, Func<ITrialRunner> createRunner)
    {
        var recording = new RecordingTrial();
        var overriding = new OverridingTrial(recording, spec.Space);
        ITrialRunner runner = createRunner();
        try
        {
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            runner.Run(overriding, new TrialContext { Seed = spec.Seed, Cancellation = cancelled.Token });
        }
        catch (OperationCanceledException)
        {
            // Expected: the dry run stops before training.
        }
        finally
        {
            (runner as IDisposable)?.Dispose();
        }

        IReadOnlyList<CampaignError> unused = overriding.UnusedOverrideErrors();
        if (unused.Count > 0)
        {
            throw new CampaignValidationException(unused);
        }

        return recording.Traced.ToDictionary(t => t.Name, t => t.Distribution, StringComparer.Ordinal);
    }

    private static PluginEntry Entry(PluginCatalog catalog, string name) =>
        catalog.Find(name) ?? throw new InvalidOperationException($"plugin '{name}' vanished from the catalog");

    /// <summary>Workers when resources.workers is not written: trials_per_device per CUDA device in use, else 1.</summary>
    internal static int DefaultWorkers(IReadOnlyList<Device> devices, int trialsPerDevice)
    {
        int gpus = devices.Count(d => d.Type == DeviceType.Cuda);
        return gpus == 0 ? 1 : gpus * trialsPerDevice;
    }

    /// <summary>The devices workers run on (worker i gets device i mod count), given how many CUDA devices this libtorch
    /// sees: a CUDA device that is not there is a campaign error at devices:, before any trial runs.</summary>
    internal static IReadOnlyList<Device> ResolveDevices(ResourcesSpec resources, int cuda, string libtorchVersion)
    {
        if (resources.IsAutoDevices)
        {
            return cuda == 0 ? [Device.Cpu] : [.. Enumerable.Range(0, cuda).Select(Device.Cuda)];
        }

        List<Device> devices = [.. resources.Devices.Select(d => d == "auto" ? Device.Cpu : Device.Parse(d))];
        SourcePosition where = resources.DevicesPosition ?? new SourcePosition("campaign", 1, 1);
        foreach (Device device in devices.Where(d => d.Type == DeviceType.Cuda && d.Index >= cuda))
        {
            string have = cuda == 0
                ? $"libtorch {libtorchVersion} here sees no CUDA device; write devices: cpu or auto instead"
                : $"this machine has {cuda} CUDA device(s) (cuda:0..cuda:{cuda - 1}) with libtorch {libtorchVersion}; write one of those or auto instead";
            throw new CampaignValidationException([new CampaignError(where, "resources.devices", $"{device} is not here: {have}")]);
        }

        return devices;
    }
}
