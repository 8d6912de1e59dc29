using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Campaigns.Running;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Search.Pruners;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;
using AutoDnn.Storage;
using AutoDnn.Torch;
using AutoDnn.Training.Runs;
using AutoDnn.Training.Supervised;
using AutoDnn.Training.Tests.Supervised;

namespace AutoDnn.Hosting.Tests.Campaigns.Running;

/// <summary>A small supervised campaign over synthetic blobs and a tiny MLP, on a SQLite file in a temporary folder.</summary>
internal sealed class RunningFixture : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("autodnn-campaign-").FullName;

    public string DatabasePath => Path.Combine(_folder, "campaign.db");

    public string ArtifactRoot => Path.Combine(_folder, "artifacts");

    public CampaignPlan Plan(
        int trials = 6,
        int seed = 7,
        Func<ITrial, ITrial>? wrap = null,
        TimeSpan? staleGrace = null,
        IPruner? pruner = null,
        string name = "blobs") => new()
    {
        Name = name,
        SpecYaml = $"name: {name}\n# trials: {trials}, seed: {seed}\n",
        SpecSha256 = $"{name}-{trials}-{seed}".PadRight(64, '0'),
        Storage = StorageUrl.Parse($"sqlite:///{DatabasePath}"),
        Directions = [StudyDirection.Maximize],
        Objectives = ["accuracy"],
        Seed = seed,
        Trials = trials,
        Workers = 1,
        ThreadsPerTrial = 1,
        Devices = [Device.Cpu],
        FinalEpochs = 3,
        CreateSampler = () => new RandomSampler(seed),
        CreatePruner = () => pruner ?? new NopPruner(),
        WrapTrial = wrap ?? (t => t),
        CreateRunner = () => new SupervisedTrialRunner(
            new SyntheticBlobs(trainCount: 90, testCount: 30),
            new TinyMlp(),
            [],
            new SupervisedRunOptions { TaskKind = Abstractions.Plugins.TaskKind.TabularClassification, Folds = 3, Epochs = 3, SplitSeed = seed, PrefetchBatches = 0 }),
        Plugins = [new PluginEntry { Name = "tiny", Version = "1.0.0", AssemblyPath = "/tests/tiny.dll", Sha256 = new string('a', 64), Status = PluginStatus.Loaded }],
        HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        StaleGrace = staleGrace ?? TimeSpan.FromSeconds(20),
        ArtifactRoot = ArtifactRoot,
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
