using System.Globalization;
using AutoDnn.Abstractions.Search;
using AutoDnn.Hosting.Campaigns.Spec;

namespace AutoDnn.Hosting.Campaigns.Space;

/// <summary>A campaign file's override of one hyperparameter, applied whenever a plugin suggests that name.</summary>
/// <remarks>Values are YAML scalars read with the YAML 1.2 core schema: int, long, double, bool, string or null.</remarks>
public sealed record SpaceOverride
{
    /// <summary>The hyperparameter's name, e.g. "train.lr".</summary>
    public required string Name { get; init; }

    public required SpaceOverrideKind Kind { get; init; }

    /// <summary>The fixed value (<see cref="SpaceOverrideKind.Fixed"/>).</summary>
    public object? Value { get; init; }

    /// <summary>The new lower bound (<see cref="SpaceOverrideKind.Range"/>); null keeps the plugin's.</summary>
    public double? Low { get; init; }

    /// <summary>The new upper bound (<see cref="SpaceOverrideKind.Range"/>); null keeps the plugin's.</summary>
    public double? High { get; init; }

    /// <summary>Log sampling (<see cref="SpaceOverrideKind.Range"/>); null keeps the plugin's.</summary>
    public bool? Log { get; init; }

    /// <summary>The grid step (<see cref="SpaceOverrideKind.Range"/>); null keeps the plugin's.</summary>
    public double? Step { get; init; }

    /// <summary>The choices (<see cref="SpaceOverrideKind.Choices"/>) or the added choices (<see cref="SpaceOverrideKind.AddChoices"/>).</summary>
    public IReadOnlyList<object?> Choices { get; init; } = [];

    /// <summary>Where the override's name is written.</summary>
    public required SourcePosition Position { get; init; }

    /// <summary>The key path used in messages: <c>space[name]</c>.</summary>
    public string Path => $"space[{Name}]";

    /// <summary>The override as it reads in YAML, e.g. <c>{low: 0.001, high: 0.1, log: true}</c>.</summary>
    public string Describe() => Kind switch
    {
        SpaceOverrideKind.Fixed => CategoricalChoice.Format(Value),
        SpaceOverrideKind.Range => "{" + string.Join(", ", new[]
        {
            Low is { } l ? $"low: {Format(l)}" : null,
            High is { } h ? $"high: {Format(h)}" : null,
            Log is { } g ? $"log: {(g ? "true" : "false")}" : null,
            Step is { } s ? $"step: {Format(s)}" : null,
        }.Where(p => p is not null)) + "}",
        SpaceOverrideKind.Choices => $"{{choices: [{string.Join(", ", Choices.Select(CategoricalChoice.Format))}]}}",
        _ => $"{{add_choices: [{string.Join(", ", Choices.Select(CategoricalChoice.Format))}]}}",
    };

    private static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
