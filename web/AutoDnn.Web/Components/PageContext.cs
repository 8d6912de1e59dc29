namespace AutoDnn.Web.Components;

/// <summary>What every page needs besides its own model: where the data comes from and how open pages refresh.</summary>
public sealed record PageContext(string Location, int RefreshMilliseconds, bool PlotlyAvailable);
