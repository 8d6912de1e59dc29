namespace AutoDnn.Web.Data;

/// <summary>Parameter importances (shares summing to 1, most important first), or why there are none.</summary>
public sealed record ImportanceResult(IReadOnlyDictionary<string, double> Scores, int TrialsUsed, string? Unavailable);
