using System.Globalization;

namespace AutoDnn.Hosting.Campaigns.Factories;

/// <summary>Reads typed values out of a validated option map.</summary>
internal static class SpecOptions
{
    public static T Get<T>(IReadOnlyDictionary<string, object?> options, string key, T fallback) =>
        options.TryGetValue(key, out object? value) ? Convert<T>(value) : fallback;

    /// <summary>An IntOrAuto option: absent → fallback, "auto" (null) → null.</summary>
    public static int? GetIntOrAuto(IReadOnlyDictionary<string, object?> options, string key, int? fallback) =>
        options.TryGetValue(key, out object? value) ? (int?)value : fallback;

    public static double? GetNullableDouble(IReadOnlyDictionary<string, object?> options, string key) =>
        options.TryGetValue(key, out object? value) ? Convert<double>(value) : null;

    private static T Convert<T>(object? value) => typeof(T) == typeof(double) && value is int i
        ? (T)(object)(double)i
        : (T)System.Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture)!;
}
