using System.Text;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;

namespace AutoDnn.Search.Pruners;

/// <summary>Hyperband: several successive-halving brackets with different early-stopping rates; each trial belongs to one bracket, fixed by a hash of study name and trial number.</summary>
/// <remarks>
/// Semantics follow Optuna 3.1: <c>nBrackets = floor(log_η(maxResource / minResource)) + 1</c>; bracket b is a
/// <see cref="SuccessiveHalvingPruner"/> with <c>minEarlyStoppingRate = b</c> and a trial budget
/// <c>ceil(nBrackets · η^s / (s + 1))</c>, <c>s = nBrackets − 1 − b</c>; a trial's bracket is
/// <c>crc32("{study name}_{number}") mod Σ budgets</c> walked through the budgets, and it competes only with trials of
/// its bracket. With <c>maxResource</c> null ("auto") it is the last step + 1 of the first completed trial, so nothing
/// is pruned before a trial completed.
/// </remarks>
public sealed class HyperbandPruner : IPruner
{
    public HyperbandPruner(int minResource = 1, int? maxResource = null, int reductionFactor = 3, int bootstrapCount = 0)
    {
        if (minResource < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minResource), minResource, $"minResource must be at least 1, got {minResource}.");
        }

        if (maxResource is { } max && max < minResource)
        {
            throw new ArgumentOutOfRangeException(nameof(maxResource), maxResource, $"maxResource ({max}) must be at least minResource ({minResource}) or null for \"auto\".");
        }

        if (reductionFactor < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(reductionFactor), reductionFactor, $"reductionFactor must be at least 2, got {reductionFactor}.");
        }

        if (bootstrapCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bootstrapCount), bootstrapCount, $"bootstrapCount cannot be negative, got {bootstrapCount}.");
        }

        if (bootstrapCount > 0 && maxResource is null)
        {
            throw new ArgumentException($"bootstrapCount > 0 ({bootstrapCount}) needs an explicit maxResource; it cannot be combined with \"auto\".", nameof(bootstrapCount));
        }

        MinResource = minResource;
        MaxResource = maxResource;
        ReductionFactor = reductionFactor;
        BootstrapCount = bootstrapCount;
    }

    public int MinResource { get; }

    /// <summary>The largest step a trial runs to (plus one); null means "auto".</summary>
    public int? MaxResource { get; }

    public int ReductionFactor { get; }

    public int BootstrapCount { get; }

    /// <inheritdoc />
    public bool ShouldPrune(StudySnapshot study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        PrunerCurves.RequireSingleObjective(study, nameof(HyperbandPruner));

        if (Budgets(study) is not { } budgets)
        {
            return false;
        }

        int bracket = BracketOf(study.Name, trial.Number, budgets);
        var members = study.Trials.Where(t => t.Number != trial.Number && BracketOf(study.Name, t.Number, budgets) == bracket).Append(trial);
        var bracketStudy = new StudySnapshot(study.StudyId, study.Name, study.Directions, [.. members]);
        var halving = new SuccessiveHalvingPruner(MinResource, ReductionFactor, minEarlyStoppingRate: bracket, BootstrapCount);
        return halving.ShouldPrune(bracketStudy, trial);
    }

    /// <summary>The bracket a trial belongs to, or null while the maximum resource is unknown ("auto" before any completed trial).</summary>
    public int? GetBracket(StudySnapshot study, int trialNumber)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Budgets(study) is { } budgets ? BracketOf(study.Name, trialNumber, budgets) : null;
    }

    /// <summary>Trial allocation budget per bracket, or null while the maximum resource is unknown.</summary>
    internal int[]? Budgets(StudySnapshot study)
    {
        long? maxResource = MaxResource is { } given ? given : PrunerCurves.FirstCompleted(study) is { LastStep: { } last } ? last + 1L : null;
        if (maxResource is not { } max)
        {
            return null;
        }

        // Python's math.log(x, base) is log(x) / log(base); the same expression keeps bracket counts identical to Optuna's.
        int nBrackets = (int)Math.Floor(Math.Log((double)max / MinResource) / Math.Log(ReductionFactor)) + 1;
        nBrackets = Math.Max(nBrackets, 1);
        var budgets = new int[nBrackets];
        for (int b = 0; b < nBrackets; b++)
        {
            int s = nBrackets - 1 - b;
            budgets[b] = (int)Math.Ceiling(nBrackets * Math.Pow(ReductionFactor, s) / (s + 1));
        }

        return budgets;
    }

    private static int BracketOf(string studyName, int trialNumber, int[] budgets)
    {
        long total = budgets.Sum(b => (long)b);
        long n = Crc32.Compute(Encoding.UTF8.GetBytes($"{studyName}_{trialNumber}")) % total;
        for (int b = 0; b < budgets.Length; b++)
        {
            n -= budgets[b];
            if (n < 0)
            {
                return b;
            }
        }

        throw new InvalidOperationException("Unreachable: the hash is taken modulo the sum of the budgets.");
    }
}
