using System.CommandLine;
using AutoDnn.Storage.Export;

namespace AutoDnn.Cli.Commands;

/// <summary><c>autodnn export</c>: writes a study to an Optuna 3.1 SQLite database, CSV and/or JSON files.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var storage = StorageCommandOptions.Storage();
        var study = StorageCommandOptions.Study();
        var optuna = new Option<FileInfo?>("--optuna") { Description = "New SQLite file in Optuna 3.1's schema (optuna.load_study reads it)." };
        var csv = new Option<FileInfo?>("--csv") { Description = "CSV file, one row per trial." };
        var json = new Option<FileInfo?>("--json") { Description = "JSON file with everything storage keeps." };
        var command = new Command("export", "Export a study for Optuna, spreadsheets or scripts.") { storage, study, optuna, csv, json };
        command.SetAction(r => StorageCommandOptions.Run(r.GetValue(storage)!, s =>
        {
            FileInfo? optunaFile = r.GetValue(optuna), csvFile = r.GetValue(csv), jsonFile = r.GetValue(json);
            if (optunaFile is null && csvFile is null && jsonFile is null)
            {
                throw new ArgumentException("Name at least one output: --optuna FILE, --csv FILE or --json FILE.");
            }

            StudyExport export = StudyExport.Load(s, StorageCommandOptions.RequireStudy(s, r.GetValue(study)!).Name);
            if (optunaFile is not null)
            {
                OptunaExporter.Export(export, optunaFile.FullName);
                Console.WriteLine($"wrote {export.Trials.Count} trials to {optunaFile.FullName} (Optuna 3.1; step = fold * {OptunaExporter.FoldStride} + step)");
            }

            if (csvFile is not null)
            {
                using var writer = new StreamWriter(csvFile.FullName);
                CsvExporter.Write(export, writer);
                Console.WriteLine($"wrote {export.Trials.Count} trials to {csvFile.FullName}");
            }

            if (jsonFile is not null)
            {
                using FileStream stream = File.Create(jsonFile.FullName);
                JsonExporter.Write(export, stream, s);
                Console.WriteLine($"wrote {export.Trials.Count} trials to {jsonFile.FullName}");
            }

            return 0;
        }));
        return command;
    }
}
