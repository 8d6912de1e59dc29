using System.CommandLine;
using System.Text.Json;
using AutoDnn.Abstractions.Search;
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;

namespace AutoDnn.Cli.Commands;

/// <summary><c>autodnn ask</c>: starts a trial of a study (creating the study when missing) and prints its number and parameters as JSON.</summary>
/// <remarks>
/// The search space is a JSON object of distributions in AutoDnn's own notation, e.g.
/// <c>{"lr": {"type": "float", "low": 1e-4, "high": 0.1, "log": true}, "layers": {"type": "int", "low": 1, "high": 4},
/// "act": {"type": "categorical", "choices": ["relu", "tanh"]}}</c>. The sampler reads every earlier trial from storage, so
/// asks from separate shell commands (or machines) act as one study.
/// </remarks>
internal static class AskCommand
{
    public static Command Create()
    {
        var storage = StorageCommandOptions.Storage();
        var study = StorageCommandOptions.Study();
        var space = new Option<string>("--space") { Description = "Search space: a JSON object of name → distribution.", Required = true };
        var sampler = new Option<string>("--sampler") { Description = "tpe (default) or random.", DefaultValueFactory = _ => "tpe" };
        var seed = new Option<int?>("--seed") { Description = "Seed; each ask uses seed + the study's trial count, so a sequence of asks is reproducible." };
        var directions = StudyCommand.Directions();
        var command = new Command("ask", "Start a trial and print its number and parameters as JSON.") { storage, study, space, sampler, seed, directions };
        command.SetAction(r => StorageCommandOptions.Run(r.GetValue(storage)!, s => Run(
            s, r.GetValue(study)!, r.GetValue(space)!, r.GetValue(sampler)!, r.GetValue(seed), r.GetValue(directions)!)));
        return command;
    }

    /// <summary>Reads a search space; ArgumentException names the offending parameter.</summary>
    public static IReadOnlyDictionary<string, Distribution> ParseSpace(string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"--space is not valid JSON: {e.Message}", e);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"--space must be a JSON object of name → distribution, got {root.ValueKind}.");
        }

        var space = new Dictionary<string, Distribution>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            try
            {
                space[property.Name] = Distribution.FromJson(property.Value.GetRawText());
            }
            catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
            {
                throw new ArgumentException(
                    $"--space parameter '{property.Name}': {e.Message} (expected e.g. {{\"type\": \"float\", \"low\": 0, \"high\": 1}}).", e);
            }
        }

        return space;
    }

    private static int Run(SqlStudyStorage storage, string name, string spaceJson, string samplerName, int? seed, string[] directionNames)
    {
        IReadOnlyDictionary<string, Distribution> space = ParseSpace(spaceJson);
        StudyRecord? existing = storage.FindStudy(name);
        int? trialSeed = seed is { } s ? unchecked(s + (existing is null ? 0 : storage.GetAllTrials(existing.StudyId).Count)) : null;
        ISampler sampler = samplerName.ToLowerInvariant() switch
        {
            "tpe" => new TpeSampler(trialSeed),
            "random" => new RandomSampler(trialSeed),
            _ => throw new ArgumentException($"--sampler '{samplerName}' is unknown; use tpe or random."),
        };
        Study study = Study.Create(new StudyOptions
        {
            Name = name,
            Storage = storage,
            Sampler = sampler,
            LoadIfExists = true,
            Directions = existing?.Directions ?? StudyCommand.ParseDirections(directionNames),
        });
        Trial trial = study.Ask();
        try
        {
            foreach ((string parameter, Distribution distribution) in space)
            {
                trial.Suggest(parameter, distribution);
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // The trial exists already: fail it with the reason so that it does not stay Running forever.
            storage.SetTrialAttribute(trial.TrialId, AttributeScope.System, TrialSystemAttributes.FailReason, JsonSerializer.SerializeToElement(e.Message));
            storage.TrySetTrialState(trial.TrialId, TrialState.Running, TrialState.Fail);
            throw;
        }

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["trial"] = trial.Number,
            ["params"] = trial.Params,
        }));
        return 0;
    }
}
