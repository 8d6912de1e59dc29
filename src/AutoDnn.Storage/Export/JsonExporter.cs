using System.Globalization;
using System.Text.Json;
using AutoDnn.Search.Trials;

namespace AutoDnn.Storage.Export;

/// <summary>Writes a study and all its trials as one JSON document (everything storage keeps, provenance and artifacts included).</summary>
/// <remarks>
/// Shape: <c>{"study": {name, directions, user_attributes, system_attributes}, "trials": [{number, state, values, constraints,
/// params, internal_params, distributions, intermediate_values: [{fold, step, value}], user_attributes, system_attributes,
/// datetime_start, datetime_complete, provenance, artifacts}]}</c>. Non-finite numbers are written as the strings
/// "NaN", "Infinity" and "-Infinity".
/// </remarks>
public static class JsonExporter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the document; <paramref name="records"/> (when the storage keeps them) adds provenance and artifacts.</summary>
    public static void Write(StudyExport export, Stream output, ITrialRecordStore? records = null)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(output);
        var document = new Dictionary<string, object?>
        {
            ["study"] = new Dictionary<string, object?>
            {
                ["name"] = export.Study.Name,
                ["directions"] = export.Study.Directions.Select(d => d.ToString().ToLowerInvariant()).ToList(),
                ["user_attributes"] = export.Study.UserAttributes,
                ["system_attributes"] = export.Study.SystemAttributes,
            },
            ["trials"] = export.Trials.Select(t => Trial(t, records)).ToList(),
        };
        JsonSerializer.Serialize(output, document, Options);
    }

    private static Dictionary<string, object?> Trial(FrozenTrial trial, ITrialRecordStore? records) => new()
    {
        ["number"] = trial.Number,
        ["state"] = trial.State.ToString().ToLowerInvariant(),
        ["values"] = trial.Values,
        ["constraints"] = trial.Constraints,
        ["params"] = trial.Params,
        ["internal_params"] = trial.InternalParams,
        ["distributions"] = trial.Distributions.ToDictionary(p => p.Key, p => JsonDocument.Parse(p.Value.ToJson()).RootElement),
        ["intermediate_values"] = trial.IntermediateValues
            .Select(p => new Dictionary<string, object> { ["fold"] = p.Key.Fold, ["step"] = p.Key.Step, ["value"] = p.Value })
            .ToList(),
        ["user_attributes"] = trial.UserAttributes,
        ["system_attributes"] = trial.SystemAttributes,
        ["datetime_start"] = trial.StartedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["datetime_complete"] = trial.FinishedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["provenance"] = records?.GetProvenance(trial.TrialId),
        ["artifacts"] = records?.GetArtifacts(trial.TrialId),
    };
}
