using System.Globalization;
using AutoDnn.Search.Trials;

namespace AutoDnn.Web.Components;

/// <summary>Changes when a trial's state, values or curves change; an open trial page reloads when it does.</summary>
internal static class TrialFingerprint
{
    public static string Of(FrozenTrial t) =>
        string.Create(CultureInfo.InvariantCulture, $"{t.State}-{t.IntermediateValues.Count}-{t.UserAttributes.Count}-{t.Values?.Count ?? 0}");
}
