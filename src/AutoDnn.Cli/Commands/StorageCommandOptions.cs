using System.CommandLine;
using System.Text.Json;
using AutoDnn.Search.Storage;
using AutoDnn.Storage;
using AutoDnn.Storage.Sql;

namespace AutoDnn.Cli.Commands;

/// <summary>The options the storage commands share (--storage, --study) and how they report errors a user can cause.</summary>
internal static class StorageCommandOptions
{
    public static Option<string> Storage() => new("--storage")
    {
        Description = $"Storage URL: sqlite:///path/to.db or postgresql://user:password@host:port/database (default {StorageUrl.Default}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AUTODNN_STORAGE") ?? StorageUrl.Default,
    };

    public static Option<string> Study() => new("--study") { Description = "Study name.", Required = true };

    /// <summary>Opens the storage, runs the action, and turns errors a user can cause into one line on stderr and exit code 1.</summary>
    public static int Run(string url, Func<SqlStudyStorage, int> action)
    {
        try
        {
            using SqlStudyStorage storage = StorageUrl.Parse(url).Open();
            return action(storage);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or KeyNotFoundException or InvalidOperationException
            or IOException or JsonException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"autodnn: {e.Message}");
            return 1;
        }
    }

    /// <summary>The study of that name; KeyNotFoundException naming the study and the storage when there is none.</summary>
    public static StudyRecord RequireStudy(SqlStudyStorage storage, string name) =>
        storage.FindStudy(name) ?? throw new KeyNotFoundException(
            $"No study named '{name}' in {storage.Location}; create it with `autodnn study create --study {name}`.");
}
