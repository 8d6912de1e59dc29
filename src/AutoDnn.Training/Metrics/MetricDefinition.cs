using AutoDnn.Search.Studies;

namespace AutoDnn.Training.Metrics;

/// <summary>A named metric, the direction that makes it better, and how to compute it from a fold's outcome.</summary>
public sealed record MetricDefinition(string Name, StudyDirection Direction, Func<ClassificationOutcome, double> Compute);
