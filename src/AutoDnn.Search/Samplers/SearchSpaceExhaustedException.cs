namespace AutoDnn.Search.Samplers;

/// <summary>Thrown by Ask when a finite sampler (grid) has no untried point left; Optimize stops quietly on it.</summary>
public sealed class SearchSpaceExhaustedException : InvalidOperationException
{
    public SearchSpaceExhaustedException()
        : base("Every point of the search space has been tried.")
    {
    }

    public SearchSpaceExhaustedException(string message)
        : base(message)
    {
    }

    public SearchSpaceExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
