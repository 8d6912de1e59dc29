using System.Collections.Immutable;
using System.Text.Json;
using AutoDnn.Search.Studies;

namespace AutoDnn.Search.Storage;

/// <summary>What storage knows about a study besides its trials.</summary>
public sealed record StudyRecord
{
    public required long StudyId { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<StudyDirection> Directions
    {
        get;
        init => field = ImmutableArray.CreateRange(value ?? throw new ArgumentNullException(nameof(Directions)));
    }

    public IReadOnlyDictionary<string, JsonElement> UserAttributes
    {
        get;
        init => field = (value ?? throw new ArgumentNullException(nameof(UserAttributes))).ToImmutableSortedDictionary(StringComparer.Ordinal);
    } = ImmutableSortedDictionary<string, JsonElement>.Empty;

    public IReadOnlyDictionary<string, JsonElement> SystemAttributes
    {
        get;
        init => field = (value ?? throw new ArgumentNullException(nameof(SystemAttributes))).ToImmutableSortedDictionary(StringComparer.Ordinal);
    } = ImmutableSortedDictionary<string, JsonElement>.Empty;
}
