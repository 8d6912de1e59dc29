namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>When the campaign stops: a number of trials, and optionally wall-clock limits for the campaign and for each trial.</summary>
/// <param name="Trials">Finished trials (complete, pruned or failed) after which no new trial starts.</param>
/// <param name="Time">No new trial starts after this long; null = no limit.</param>
/// <param name="TrialTime">A trial running longer than this is stopped and recorded as failed; null = no limit.</param>
public sealed record BudgetSpec(int Trials, TimeSpan? Time = null, TimeSpan? TrialTime = null);
