namespace AutoDnn.Training.Runs;

/// <summary>The trial cannot produce a value (a NaN or infinite loss, a diverged model); the message is the reason
/// stored with the failed trial. The campaign records it and goes on with the next trial.</summary>
public sealed class TrialFailedException : Exception
{
    public TrialFailedException(string message) : base(message)
    {
    }

    public TrialFailedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public TrialFailedException()
    {
    }
}
