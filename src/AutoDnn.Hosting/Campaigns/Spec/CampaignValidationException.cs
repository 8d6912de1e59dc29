namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>A campaign file that cannot run: every problem found, one per line, each with its file, line and column.</summary>
public sealed class CampaignValidationException : Exception
{
    /// <summary>Creates the exception from at least one error (sorted by position for the message).</summary>
    public CampaignValidationException(IEnumerable<CampaignError> errors)
        : this(Sorted(errors))
    {
    }

    private CampaignValidationException(IReadOnlyList<CampaignError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>The errors in file order.</summary>
    public IReadOnlyList<CampaignError> Errors { get; }

    private static IReadOnlyList<CampaignError> Sorted(IEnumerable<CampaignError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        CampaignError[] sorted = [.. errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column)];
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A validation exception needs at least one error.", nameof(errors));
        }

        return sorted;
    }
}
