namespace AutoDnn.Search.Pruners;

/// <summary>The alternative hypothesis of a Wilcoxon signed-rank test on differences d = x − y.</summary>
public enum WilcoxonAlternative
{
    /// <summary>The differences are shifted above zero (x tends to be greater).</summary>
    Greater,

    /// <summary>The differences are shifted below zero (x tends to be less).</summary>
    Less,

    /// <summary>The differences are shifted away from zero in either direction.</summary>
    TwoSided,
}
