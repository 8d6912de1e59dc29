using System.CommandLine;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using Spectre.Console;

namespace AutoDnn.Cli.Commands;

/// <summary><c>autodnn study create|list|delete</c>: manage the studies of a storage.</summary>
internal static class StudyCommand
{
    public static Command Create() => new("study", "Create, list and delete studies in a storage.") { CreateCreate(), CreateList(), CreateDelete() };

    /// <summary>The --direction option: one per objective, minimize (default) or maximize.</summary>
    public static Option<string[]> Directions() => new("--direction")
    {
        Description = "minimize or maximize; give it once per objective (default: one objective, minimize).",
        DefaultValueFactory = _ => ["minimize"],
    };

    public static IReadOnlyList<StudyDirection> ParseDirections(string[] values) => values.Select(v => v.ToLowerInvariant() switch
    {
        "minimize" => StudyDirection.Minimize,
        "maximize" => StudyDirection.Maximize,
        _ => throw new ArgumentException($"--direction '{v}' is neither minimize nor maximize."),
    }).ToList();

    private static Command CreateCreate()
    {
        var storage = StorageCommandOptions.Storage();
        var study = StorageCommandOptions.Study();
        var directions = Directions();
        var command = new Command("create", "Create a study.") { storage, study, directions };
        command.SetAction(r => StorageCommandOptions.Run(r.GetValue(storage)!, s =>
        {
            StudyRecord record = s.CreateStudy(r.GetValue(study)!, ParseDirections(r.GetValue(directions)!));
            Console.WriteLine($"created study '{record.Name}' ({string.Join(", ", record.Directions).ToLowerInvariant()}) in {s.Location}");
            return 0;
        }));
        return command;
    }

    private static Command CreateList()
    {
        var storage = StorageCommandOptions.Storage();
        var command = new Command("list", "List the studies with their trial counts.") { storage };
        command.SetAction(r => StorageCommandOptions.Run(r.GetValue(storage)!, s =>
        {
            var table = new Table().AddColumns("study", "directions", "trials", "complete", "running");
            foreach (StudyRecord record in s.GetAllStudies())
            {
                IReadOnlyList<FrozenTrial> trials = s.GetAllTrials(record.StudyId);
                table.AddRow(
                    Markup.Escape(record.Name),
                    string.Join(", ", record.Directions).ToLowerInvariant(),
                    trials.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    trials.Count(t => t.State == TrialState.Complete).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    trials.Count(t => t.State == TrialState.Running).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command CreateDelete()
    {
        var storage = StorageCommandOptions.Storage();
        var study = StorageCommandOptions.Study();
        var command = new Command("delete", "Delete a study and all its trials.") { storage, study };
        command.SetAction(r => StorageCommandOptions.Run(r.GetValue(storage)!, s =>
        {
            string name = r.GetValue(study)!;
            if (!s.DeleteStudy(name))
            {
                throw new KeyNotFoundException($"No study named '{name}' in {s.Location}; nothing was deleted.");
            }

            Console.WriteLine($"deleted study '{name}' from {s.Location}");
            return 0;
        }));
        return command;
    }
}
