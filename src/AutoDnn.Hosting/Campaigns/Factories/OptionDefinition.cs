namespace AutoDnn.Hosting.Campaigns.Factories;

/// <summary>One option a sampler or pruner accepts in a campaign file: its snake_case key, type and meaning.</summary>
/// <param name="Name">The key, e.g. n_startup_trials.</param>
/// <param name="Kind">Its type.</param>
/// <param name="Description">Meaning and default, for documentation.</param>
/// <param name="Choices">The allowed names of a <see cref="OptionKind.Choice"/> option.</param>
/// <param name="Required">True when the sampler or pruner cannot be built without it.</param>
/// <param name="Min">Smallest allowed number (inclusive), if any.</param>
/// <param name="Max">Largest allowed number (inclusive), if any.</param>
public sealed record OptionDefinition(
    string Name,
    OptionKind Kind,
    string Description,
    IReadOnlyList<string>? Choices = null,
    bool Required = false,
    double? Min = null,
    double? Max = null);
