namespace AutoDnn.Abstractions.Search;

/// <summary>Thrown by an objective to stop a trial that its pruner judged unpromising; the study records it as pruned.</summary>
public sealed class TrialPrunedException : Exception
{
    public TrialPrunedException()
        : base("The trial was pruned.")
    {
    }

    public TrialPrunedException(string message)
        : base(message)
    {
    }

    public TrialPrunedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
