namespace AutoDnn.Search.Trials;

/// <summary>Helpers on <see cref="TrialState"/>.</summary>
public static class TrialStateExtensions
{
    /// <summary>True for the final states Complete, Pruned and Fail.</summary>
    public static bool IsFinished(this TrialState state) =>
        state is TrialState.Complete or TrialState.Pruned or TrialState.Fail;
}
