using System.Globalization;
using System.Text.Json.Serialization;

namespace AutoDnn.Abstractions.Search;

/// <summary>A real-valued hyperparameter on [Low, High], uniform or log-uniform, optionally on a step grid.</summary>
public sealed record FloatDistribution : Distribution
{
    private const double GridTolerance = 1e-8;

    /// <summary>Creates and validates the domain; throws ArgumentException naming the offending argument.</summary>
    [JsonConstructor]
    public FloatDistribution(double low, double high, bool log = false, double? step = null)
    {
        if (!double.IsFinite(low))
        {
            throw new ArgumentException($"low must be a finite number, got {Format(low)}.", nameof(low));
        }

        if (!double.IsFinite(high))
        {
            throw new ArgumentException($"high must be a finite number, got {Format(high)}.", nameof(high));
        }

        if (low > high)
        {
            throw new ArgumentException($"low must be <= high, got low = {Format(low)} > high = {Format(high)}.", nameof(low));
        }

        if (log && low <= 0)
        {
            throw new ArgumentException($"log = true needs low > 0, got low = {Format(low)}.", nameof(low));
        }

        if (step is { } s)
        {
            if (log)
            {
                throw new ArgumentException("step and log = true cannot be combined.", nameof(step));
            }

            if (!double.IsFinite(s) || s <= 0)
            {
                throw new ArgumentException($"step must be a finite number > 0, got {Format(s)}.", nameof(step));
            }

            double count = (high - low) / s;
            if (!IsNearInteger(count))
            {
                throw new ArgumentException(
                    $"step = {Format(s)} does not divide high - low = {Format(high - low)} (from {Format(low)} to {Format(high)}).",
                    nameof(step));
            }
        }

        Low = low;
        High = high;
        Log = log;
        Step = step;
    }

    [JsonPropertyName("low")]
    public double Low { get; }

    [JsonPropertyName("high")]
    public double High { get; }

    [JsonPropertyName("log")]
    public bool Log { get; }

    [JsonPropertyName("step")]
    public double? Step { get; }

    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsSingle => Low == High;

    /// <summary>Number of grid points when Step is set (High reached exactly), otherwise null.</summary>
    [JsonIgnore]
    public long? GridCount => Step is { } s ? (long)Math.Round((High - Low) / s) + 1 : null;

    /// <inheritdoc />
    public override double ToInternal(object? value)
    {
        double v = value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            decimal m => (double)m,
            _ => throw new ArgumentException(
                $"A float parameter needs a number, got {(value is null ? "null" : value.GetType().Name)}.", nameof(value)),
        };
        if (!Contains(v))
        {
            throw new ArgumentException($"{Format(v)} is not in {Describe()}.", nameof(value));
        }

        return v;
    }

    /// <inheritdoc />
    public override object? ToExternal(double internalValue) => internalValue;

    /// <inheritdoc />
    public override bool Contains(double internalValue)
    {
        if (double.IsNaN(internalValue) || internalValue < Low || internalValue > High)
        {
            return false;
        }

        return Step is not { } s || IsNearInteger((internalValue - Low) / s);
    }

    /// <inheritdoc />
    public override double Nearest(double internalValue)
    {
        if (double.IsNaN(internalValue))
        {
            throw new ArgumentException("Cannot map NaN into a float domain.", nameof(internalValue));
        }

        double clamped = Math.Clamp(internalValue, Low, High);
        if (Step is not { } s)
        {
            return clamped;
        }

        return Math.Min(High, Low + (Math.Round((clamped - Low) / s) * s));
    }

    /// <summary>The grid value with the given index (0 = Low); only for stepped domains.</summary>
    public double GridValue(long index)
    {
        if (Step is not { } s || GridCount is not { } count)
        {
            throw new InvalidOperationException($"{Describe()} has no step grid.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return index == count - 1 ? High : Low + (index * s);
    }

    private string Describe() =>
        $"float [{Format(Low)}, {Format(High)}]{(Log ? " log" : string.Empty)}{(Step is { } s ? $" step {Format(s)}" : string.Empty)}";

    private static bool IsNearInteger(double x) => Math.Abs(x - Math.Round(x)) <= GridTolerance * Math.Max(1.0, Math.Abs(x));

    private static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
