using AutoDnn.Search.Storage;
using AutoDnn.Search.Trials;
using AutoDnn.Storage.Sql;

namespace AutoDnn.Storage.Export;

/// <summary>One study read whole from storage, the input of every exporter.</summary>
public sealed record StudyExport(StudyRecord Study, IReadOnlyList<FrozenTrial> Trials)
{
    /// <summary>Reads the study of that name; throws KeyNotFoundException naming the study and the storage when there is none.</summary>
    public static StudyExport Load(IStudyStorage storage, string studyName)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrWhiteSpace(studyName);
        StudyRecord study = storage.FindStudy(studyName)
            ?? throw new KeyNotFoundException($"No study named '{studyName}' in {Describe(storage)}.");
        return new StudyExport(study, storage.GetAllTrials(study.StudyId));
    }

    /// <summary>Every parameter name used by any trial, in ordinal order.</summary>
    public IReadOnlyList<string> ParamNames =>
        Trials.SelectMany(t => t.InternalParams.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    internal static string Describe(IStudyStorage storage) => storage is SqlStudyStorage sql ? sql.Location : storage.GetType().Name;
}
