namespace AutoDnn.Search.Trials;

/// <summary>Helpers on <see cref="TrialState"/>.</summary>
public static class TrialStateExtensions
{
    /// <summary>True for the final states Complete, Pruned and Fail.</summary>
    public static bool IsFinished(this TrialState state) =>
        state is TrialState.Complete or TrialState.Pruned or TrialState.Fail;

    /// <summary>
    /// The rule every <c>IStudyStorage</c> applies in <c>TrySetTrialState</c>: Waiting→Running, Waiting/Running→a final
    /// state, and a Complete trial carries its values. Throws <see cref="ArgumentException"/> otherwise.
    /// </summary>
    public static void EnsureTransitionAllowed(TrialState expected, TrialState state, IReadOnlyList<double>? values)
    {
        bool allowed = (expected, state) switch
        {
            (TrialState.Waiting, TrialState.Running) => true,
            (TrialState.Waiting or TrialState.Running, _) => state.IsFinished(),
            _ => false,
        };
        if (!allowed)
        {
            throw new ArgumentException($"A trial cannot go from {expected} to {state}.", nameof(state));
        }

        if (state == TrialState.Complete && values is null)
        {
            throw new ArgumentException("A Complete trial needs its objective values.", nameof(values));
        }
    }
}
