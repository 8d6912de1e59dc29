using AutoDnn.Hosting.Campaigns.Space;
using AutoDnn.Search.Studies;
using AutoDnn.Storage;

namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>A validated campaign file: what to learn, what to search, how to sample and prune, and the budget; plus its source text.</summary>
/// <remarks>
/// A campaign is a study of <see cref="Name"/> in the storage. The runner stores <see cref="SourceText"/> and
/// <see cref="Sha256"/> in the study so a worker can rebuild the same spec with <see cref="Parse"/>. Build one with
/// <see cref="Load"/> or <see cref="Parse"/> (both throw <see cref="CampaignValidationException"/> listing every problem),
/// then check the plugins with <see cref="ValidatePlugins"/> once the plugin folders are loaded.
/// </remarks>
public sealed record CampaignSpec
{
    /// <summary>The campaign's (and its study's) name.</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The storage URL as written; null = AUTODNN_STORAGE, else <see cref="StorageUrl.Default"/> (see <see cref="ResolveStorage"/>).</summary>
    public string? Storage { get; init; }

    /// <summary>Extra plugin folders as written (relative ones are relative to <see cref="SourceDirectory"/>).</summary>
    public IReadOnlyList<string> Plugins { get; init; } = [];

    /// <summary>The campaign seed: folds, the sampler's default seed and every trial's seed derive from it (default 0).</summary>
    public int Seed { get; init; }

    public required CampaignTask Task { get; init; }

    public required TrainingSpec Training { get; init; }

    /// <summary>Hyperparameter overrides in file order (names are unique).</summary>
    public IReadOnlyList<SpaceOverride> Space { get; init; } = [];

    public SamplerSpec Sampler { get; init; } = SamplerSpec.Default;

    public PrunerSpec Pruner { get; init; } = PrunerSpec.Default;

    public CrossValidationSpec CrossValidation { get; init; } = new();

    /// <summary>One objective, or several for a multi-objective campaign.</summary>
    public required IReadOnlyList<ObjectiveSpec> Objectives { get; init; }

    public required BudgetSpec Budget { get; init; }

    public ResourcesSpec Resources { get; init; } = new();

    /// <summary>The YAML text the spec was read from.</summary>
    public required string SourceText { get; init; }

    /// <summary>The file name (or source name) positions refer to.</summary>
    public required string SourceName { get; init; }

    /// <summary>SHA-256 of <see cref="SourceText"/> as UTF-8, lowercase hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The folder relative plugin folders are resolved against; null when parsed from text without one.</summary>
    public string? SourceDirectory { get; init; }

    /// <summary>The study directions, one per objective.</summary>
    public IReadOnlyList<StudyDirection> Directions => [.. Objectives.Select(o => o.Direction)];

    /// <summary>Reads and validates a campaign file.</summary>
    public static CampaignSpec Load(string path) => CampaignSpecLoader.Load(path);

    /// <summary>Validates campaign YAML text; positions in errors name <paramref name="sourceName"/>.</summary>
    public static CampaignSpec Parse(string yamlText, string sourceName, string? sourceDirectory = null) =>
        CampaignSpecLoader.Parse(yamlText, sourceName, sourceDirectory);

    /// <summary>The plugin folders as full paths (relative ones against <see cref="SourceDirectory"/>, else the working folder).</summary>
    public IReadOnlyList<string> ResolvePluginFolders() =>
        [.. Plugins.Select(p => System.IO.Path.GetFullPath(p, SourceDirectory ?? Directory.GetCurrentDirectory()))];

    /// <summary>The storage: the file's URL, else <paramref name="environmentUrl"/> (AUTODNN_STORAGE), else the default SQLite file.</summary>
    public StorageUrl ResolveStorage(string? environmentUrl) => StorageUrl.Parse(Storage ?? environmentUrl);

    /// <summary>Checks every named plugin exists, has the right kind and serves the campaign's task; throws listing all problems.</summary>
    public void ValidatePlugins(IPluginDirectory plugins)
    {
        IReadOnlyList<CampaignError> errors = CampaignPluginCheck.Check(this, plugins);
        if (errors.Count > 0)
        {
            throw new CampaignValidationException(errors);
        }
    }
}
