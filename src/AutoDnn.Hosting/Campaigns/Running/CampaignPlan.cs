using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Plugins;
using AutoDnn.Search.Pruners;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;
using AutoDnn.Storage;
using AutoDnn.Torch;
using AutoDnn.Training.Runs;

namespace AutoDnn.Hosting.Campaigns.Running;

/// <summary>A campaign resolved for running: storage, objectives, budget, resources, and factories for the sampler,
/// pruner and trial runner built from the validated spec and the loaded plugins.</summary>
/// <remarks>Built by <see cref="CampaignPlanner"/>; workers only read it.</remarks>
public sealed class CampaignPlan
{
    /// <summary>The campaign (= study) name.</summary>
    public required string Name { get; init; }

    /// <summary>The campaign file's text, stored with the study so that workers elsewhere run the same campaign.</summary>
    public required string SpecYaml { get; init; }

    /// <summary>SHA-256 of <see cref="SpecYaml"/>: a campaign of that name with another file is refused.</summary>
    public required string SpecSha256 { get; init; }

    public required StorageUrl Storage { get; init; }

    /// <summary>One direction per objective metric.</summary>
    public required IReadOnlyList<StudyDirection> Directions { get; init; }

    /// <summary>The metric names the study optimizes, in objective order (the first is what pruners see).</summary>
    public required IReadOnlyList<string> Objectives { get; init; }

    /// <summary>The campaign seed: folds, the sampler's default seed, and every trial's seed derive from it.</summary>
    public required int Seed { get; init; }

    /// <summary>Trials to run in all (one enqueued budget slot each).</summary>
    public required int Trials { get; init; }

    /// <summary>Stop starting new trials after this long (per run or worker invocation); null = no limit.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>A trial running longer is stopped and failed; null = no limit.</summary>
    public TimeSpan? TrialTime { get; init; }

    /// <summary>Worker processes on this machine (the run itself is worker 0).</summary>
    public required int Workers { get; init; }

    /// <summary>libtorch intra-op threads per trial.</summary>
    public required int ThreadsPerTrial { get; init; }

    /// <summary>Devices workers are spread over (worker i gets device i mod count).</summary>
    public required IReadOnlyList<Device> Devices { get; init; }

    /// <summary>Epochs for the final training of the best configuration (supervised): training.final_epochs, else training.epochs.</summary>
    public int FinalEpochs { get; init; }

    public required Func<ISampler> CreateSampler { get; init; }

    public required Func<IPruner> CreatePruner { get; init; }

    /// <summary>Applies the campaign's search-space overrides around a study trial.</summary>
    public required Func<ITrial, ITrial> WrapTrial { get; init; }

    /// <summary>Creates the trial runner (opens the dataset, creates plugins); one per worker, reused for its trials.</summary>
    public required Func<ITrialRunner> CreateRunner { get; init; }

    /// <summary>Creates the runner for the final retraining: like <see cref="CreateRunner"/> but over all training
    /// examples (training.max_examples limits the search only). Defaults to <see cref="CreateRunner"/>.</summary>
    public Func<ITrialRunner> CreateFinalRunner
    {
        get => _createFinalRunner ?? CreateRunner;
        init => _createFinalRunner = value;
    }

    private readonly Func<ITrialRunner>? _createFinalRunner;

    /// <summary>Every plugin the campaign uses (architecture first), recorded with each trial.</summary>
    public required IReadOnlyList<PluginEntry> Plugins { get; init; }

    /// <summary>How often a running trial beats its heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A running trial silent for longer is failed and its budget slot run again.</summary>
    public TimeSpan StaleGrace { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Folder for artifacts (best models); defaults next to a SQLite file or in the working folder.</summary>
    public required string ArtifactRoot { get; init; }
}
