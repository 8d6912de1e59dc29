using AutoDnn.Search.Studies;

namespace AutoDnn.Training.Supervised;

/// <summary>Tracks the best epoch of a validation metric and says when it has not improved for <c>patience</c> epochs.</summary>
public sealed class EarlyStopping
{
    private readonly StudyDirection direction;
    private readonly int? patience;

    /// <summary>Watches a metric that is better when larger (<see cref="StudyDirection.Maximize"/>) or smaller; a null
    /// <paramref name="patience"/> only tracks the best epoch and never stops.</summary>
    public EarlyStopping(StudyDirection direction, int? patience)
    {
        if (patience is < 1) throw new ArgumentOutOfRangeException(nameof(patience), patience, "early-stopping patience must be at least 1 epoch (or null for none)");
        this.direction = direction;
        this.patience = patience;
    }

    /// <summary>The epoch with the best value so far, or -1 before any finite value.</summary>
    public int BestEpoch { get; private set; } = -1;

    /// <summary>The best value so far (NaN before any finite value).</summary>
    public double BestValue { get; private set; } = double.NaN;

    /// <summary>Epochs observed since the best one.</summary>
    public int EpochsWithoutImprovement { get; private set; }

    /// <summary>True once <c>patience</c> epochs in a row brought no improvement.</summary>
    public bool ShouldStop => patience is { } p && EpochsWithoutImprovement >= p;

    /// <summary>Records the value of <paramref name="epoch"/>; returns true when it is a new best (strictly better).</summary>
    public bool Observe(int epoch, double value)
    {
        bool better = double.IsFinite(value)
            && (BestEpoch < 0 || (direction == StudyDirection.Maximize ? value > BestValue : value < BestValue));
        if (better)
        {
            BestEpoch = epoch;
            BestValue = value;
            EpochsWithoutImprovement = 0;
        }
        else
        {
            EpochsWithoutImprovement++;
        }
        return better;
    }
}
