using System.Globalization;

namespace AutoDnn.Abstractions.Search;

/// <summary>Rules for categorical choice values: which types are allowed and when two choices are the same.</summary>
public static class CategoricalChoice
{
    /// <summary>True for the types a choice may have: null, string, bool, int, long, or a finite double.</summary>
    public static bool IsSupported(object? value) => value switch
    {
        null or string or bool or int or long => true,
        double d => double.IsFinite(d),
        _ => false,
    };

    /// <summary>Equality of choices: numbers compare by value across int, long and double; others by Equals.</summary>
    public static new bool Equals(object? a, object? b)
    {
        if (IsIntegral(a) && IsIntegral(b))
        {
            return Convert.ToInt64(a, CultureInfo.InvariantCulture) == Convert.ToInt64(b, CultureInfo.InvariantCulture);
        }

        if (IsNumber(a) && IsNumber(b))
        {
            return Convert.ToDouble(a, CultureInfo.InvariantCulture) == Convert.ToDouble(b, CultureInfo.InvariantCulture);
        }

        return object.Equals(a, b);
    }

    /// <summary>A readable rendering for messages: strings quoted, numbers invariant.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };

    internal static int GetHashCode(object? value) => value switch
    {
        null => 0,
        int or long => Convert.ToDouble(value, CultureInfo.InvariantCulture).GetHashCode(),
        double d => d.GetHashCode(),
        _ => value.GetHashCode(),
    };

    private static bool IsIntegral(object? x) => x is int or long;

    private static bool IsNumber(object? x) => x is int or long or double;
}
