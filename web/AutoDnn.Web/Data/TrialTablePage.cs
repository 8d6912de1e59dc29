namespace AutoDnn.Web.Data;

/// <summary>One page of the trial table: its rows, how many rows matched, and which page of how many it is.</summary>
public sealed record TrialTablePage(IReadOnlyList<TrialRow> Rows, int Matching, int Page, int PageCount);
