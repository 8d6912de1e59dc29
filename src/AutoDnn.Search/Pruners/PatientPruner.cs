using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Pruners;

/// <summary>Lets a trial whose curve stopped improving for <c>patience</c> steps be pruned, by the wrapped pruner or, without one, outright (Optuna's PatientPruner).</summary>
/// <remarks>
/// As in Optuna 3.1: with the fold's steps sorted, the best (NaN-ignoring) value of the last <c>patience + 1</c> steps is
/// compared with the best before them; when it did not improve on it by more than <c>minDelta</c>, the decision goes to the
/// wrapped pruner (or is "prune" when there is none). Fewer than <c>patience + 2</c> steps never prune.
/// </remarks>
public sealed class PatientPruner : IPruner
{
    public PatientPruner(IPruner? wrappedPruner, int patience, double minDelta = 0.0)
    {
        if (patience < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(patience), patience, $"patience cannot be negative, got {patience}.");
        }

        if (!(minDelta >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, $"minDelta must be a non-negative number, got {minDelta}.");
        }

        WrappedPruner = wrappedPruner;
        Patience = patience;
        MinDelta = minDelta;
    }

    /// <summary>Decides once patience ran out; null prunes as soon as it did.</summary>
    public IPruner? WrappedPruner { get; }

    public int Patience { get; }

    public double MinDelta { get; }

    /// <inheritdoc />
    public bool ShouldPrune(StudySnapshot study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        PrunerCurves.RequireSingleObjective(study, nameof(PatientPruner));

        IReadOnlyList<KeyValuePair<int, double>> curve = PrunerCurves.CurrentCurve(trial, out _);
        if (curve.Count <= Patience + 1)
        {
            return false;
        }

        // Curve() is in step order already.
        int split = curve.Count - Patience - 1;
        StudyDirection direction = study.Direction;
        double before = PrunerCurves.NanBest(curve.Take(split).Select(p => p.Value), direction);
        double after = PrunerCurves.NanBest(curve.Skip(split).Select(p => p.Value), direction);
        bool stalled = direction == StudyDirection.Minimize ? before - MinDelta < after : before + MinDelta > after;
        return stalled && (WrappedPruner?.ShouldPrune(study, trial) ?? true);
    }
}
