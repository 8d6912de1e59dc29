using AutoDnn.Search.Trials;
using AutoDnn.Storage;

namespace AutoDnn.Web.Components;

/// <summary>A trial in the compare view, with the provenance read for it.</summary>
public sealed record ComparedTrial(FrozenTrial Trial, TrialProvenance? Provenance);
