namespace AutoDnn.Search.Trials;

/// <summary>Keys of the system attributes the search engine itself writes on trials.</summary>
public static class TrialSystemAttributes
{
    /// <summary>JSON object name → user-facing value, set by <c>Study.Enqueue</c>; suggestions return these values.</summary>
    public const string FixedParams = "fixed_params";

    /// <summary>JSON object name → internal value, the sampler's relative proposal persisted at Ask so other workers see it.</summary>
    public const string RelativeParams = "relative_params";

    /// <summary>JSON string: why the trial failed (exception message, NaN objective).</summary>
    public const string FailReason = "fail_reason";
}
