using AutoDnn.Search.Studies;

namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>One objective of the study: a validation metric and the direction that makes it better.</summary>
/// <param name="Metric">A MetricCatalog name or "loss" (supervised), or "mean_return" (RL).</param>
/// <param name="Direction">As written, or the metric's own direction.</param>
public sealed record ObjectiveSpec(string Metric, StudyDirection Direction);
