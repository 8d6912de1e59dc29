namespace AutoDnn.Storage;

/// <summary>Thrown when the database stayed busy or locked through every bounded retry of an operation.</summary>
public sealed class StorageBusyException : IOException
{
    public StorageBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
