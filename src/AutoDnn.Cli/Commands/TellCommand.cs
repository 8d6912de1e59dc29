using System.CommandLine;
using System.Text.Json;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;

namespace AutoDnn.Cli.Commands;

/// <summary><c>autodnn tell</c>: finishes a Running trial with its objective value(s), or as failed or pruned.</summary>
internal static class TellCommand
{
    public static Command Create()
    {
        var storage = StorageCommandOptions.Storage();
        var study = StorageCommandOptions.Study();
        var number = new Option<int>("--trial") { Description = "The trial number that ask printed.", Required = true };
        var values = new Option<double[]>("--value")
        {
            Description = "Objective value; once per objective. NaN fails the trial. Optional with --state pruned.",
            AllowMultipleArgumentsPerToken = true,
        };
        var state = new Option<string>("--state") { Description = "complete (default), fail or pruned.", DefaultValueFactory = _ => "complete" };
        var command = new Command("tell", "Finish a trial with its value(s), or as failed or pruned.") { storage, study, number, values, state };
        command.SetAction(r => StorageCommandOptions.Run(r.GetValue(storage)!, s =>
            Run(s, r.GetValue(study)!, r.GetValue(number), r.GetValue(values) ?? [], r.GetValue(state)!)));
        return command;
    }

    private static int Run(SqlStudyStorage storage, string name, int number, double[] values, string stateName)
    {
        StudyRecord study = StorageCommandOptions.RequireStudy(storage, name);
        TrialState state = stateName.ToLowerInvariant() switch
        {
            "complete" => TrialState.Complete,
            "fail" => TrialState.Fail,
            "pruned" => TrialState.Pruned,
            _ => throw new ArgumentException($"--state '{stateName}' is unknown; use complete, fail or pruned."),
        };
        IReadOnlyList<FrozenTrial> trials = storage.GetAllTrials(study.StudyId);
        FrozenTrial trial = trials.FirstOrDefault(t => t.Number == number)
            ?? throw new KeyNotFoundException($"Study '{name}' has no trial {number} (its trials are numbered 0 to {trials.Count - 1}).");
        if (trial.State != TrialState.Running)
        {
            throw new InvalidOperationException($"Trial {number} of study '{name}' is {trial.State}; only a Running trial can be told.");
        }

        IReadOnlyList<double>? told = values.Length == 0 ? null : values;
        string? failReason = null;
        if (state == TrialState.Fail && told is not null)
        {
            throw new ArgumentException("--value cannot be given with --state fail.");
        }

        if (state == TrialState.Complete && told is null)
        {
            throw new ArgumentException($"--value is required to complete trial {number} (once per objective: {study.Directions.Count}).");
        }

        if (told is not null && told.Count != study.Directions.Count)
        {
            throw new ArgumentException($"Study '{name}' has {study.Directions.Count} objective(s); got {told.Count} --value.");
        }

        if (state == TrialState.Complete && told!.Any(double.IsNaN))
        {
            (state, told, failReason) = (TrialState.Fail, null, "The objective value told was NaN.");
        }

        if (failReason is not null)
        {
            storage.SetTrialAttribute(trial.TrialId, AttributeScope.System, TrialSystemAttributes.FailReason, JsonSerializer.SerializeToElement(failReason));
        }

        if (!storage.TrySetTrialState(trial.TrialId, TrialState.Running, state, told))
        {
            throw new InvalidOperationException($"Trial {number} of study '{name}' was finished by another caller.");
        }

        Console.WriteLine($"trial {number} {state.ToString().ToLowerInvariant()}{(told is null ? string.Empty : $" {string.Join(", ", told.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}")}");
        return 0;
    }
}
