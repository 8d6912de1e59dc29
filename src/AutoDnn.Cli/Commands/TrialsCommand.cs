using System.CommandLine;
using System.Globalization;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Export;
using Spectre.Console;

namespace AutoDnn.Cli.Commands;

/// <summary><c>autodnn trials</c>: prints a study's trials as a table, CSV or JSON.</summary>
internal static class TrialsCommand
{
    public static Command Create()
    {
        var storage = StorageCommandOptions.Storage();
        var study = StorageCommandOptions.Study();
        var format = new Option<string>("--format") { Description = "table (default), csv or json.", DefaultValueFactory = _ => "table" };
        var command = new Command("trials", "Print a study's trials.") { storage, study, format };
        command.SetAction(r => StorageCommandOptions.Run(r.GetValue(storage)!, s =>
        {
            string kind = r.GetValue(format)!.ToLowerInvariant();
            if (kind is not ("table" or "csv" or "json"))
            {
                throw new ArgumentException($"--format '{kind}' is unknown; use table, csv or json.");
            }

            StudyExport export = StudyExport.Load(s, StorageCommandOptions.RequireStudy(s, r.GetValue(study)!).Name);
            switch (kind)
            {
                case "csv":
                    CsvExporter.Write(export, Console.Out);
                    break;
                case "json":
                    using (Stream stdout = Console.OpenStandardOutput())
                    {
                        JsonExporter.Write(export, stdout, s);
                    }

                    Console.WriteLine();
                    break;
                default:
                    AnsiConsole.Write(Table(export));
                    break;
            }

            return 0;
        }));
        return command;
    }

    private static Table Table(StudyExport export)
    {
        var table = new Table().AddColumns("#", "state", "value", "params", "duration");
        foreach (FrozenTrial trial in export.Trials)
        {
            string values = trial.Values is { } v ? string.Join(", ", v.Select(x => x.ToString("G6", CultureInfo.InvariantCulture))) : string.Empty;
            string parameters = string.Join(", ", trial.Params.Select(p => $"{p.Key}={Format(p.Value)}"));
            string duration = trial.StartedAt is { } s && trial.FinishedAt is { } f
                ? (f - s).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
                : string.Empty;
            table.AddRow(
                trial.Number.ToString(CultureInfo.InvariantCulture),
                trial.State.ToString().ToLowerInvariant(),
                values,
                Markup.Escape(parameters),
                duration);
        }

        return table;
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
