namespace AutoDnn.Search.Storage;

/// <summary>Thrown by <see cref="IStudyStorage.CreateStudy"/> when a study of that name already exists.</summary>
public sealed class DuplicateStudyException : InvalidOperationException
{
    public DuplicateStudyException()
        : base("A study with that name already exists.")
    {
    }

    public DuplicateStudyException(string message)
        : base(message)
    {
    }

    public DuplicateStudyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
