using System.Text.Json.Serialization;

namespace AutoDnn.Abstractions.Search;

/// <summary>An integer hyperparameter on [Low, High], uniform or log-uniform, on a grid of Step.</summary>
public sealed record IntDistribution : Distribution
{
    /// <summary>Creates and validates the domain; throws ArgumentException naming the offending argument.</summary>
    [JsonConstructor]
    public IntDistribution(int low, int high, bool log = false, int step = 1)
    {
        if (low > high)
        {
            throw new ArgumentException($"low must be <= high, got low = {low} > high = {high}.", nameof(low));
        }

        if (log && low < 1)
        {
            throw new ArgumentException($"log = true needs low >= 1, got low = {low}.", nameof(low));
        }

        if (step < 1)
        {
            throw new ArgumentException($"step must be >= 1, got {step}.", nameof(step));
        }

        if (log && step != 1)
        {
            throw new ArgumentException($"log = true needs step = 1, got step = {step}.", nameof(step));
        }

        if (((long)high - low) % step != 0)
        {
            throw new ArgumentException(
                $"step = {step} does not divide high - low = {(long)high - low} (from {low} to {high}).", nameof(step));
        }

        Low = low;
        High = high;
        Log = log;
        Step = step;
    }

    [JsonPropertyName("low")]
    public int Low { get; }

    [JsonPropertyName("high")]
    public int High { get; }

    [JsonPropertyName("log")]
    public bool Log { get; }

    [JsonPropertyName("step")]
    public int Step { get; }

    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsSingle => Low == High;

    /// <summary>Number of values in the domain.</summary>
    [JsonIgnore]
    public long Count => (((long)High - Low) / Step) + 1;

    /// <inheritdoc />
    public override double ToInternal(object? value)
    {
        double v = value switch
        {
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            double d when d == Math.Floor(d) => d,
            float f when f == MathF.Floor(f) => f,
            _ => throw new ArgumentException(
                $"An int parameter needs an integer, got {(value is null ? "null" : $"{value} ({value.GetType().Name})")}.",
                nameof(value)),
        };
        if (!Contains(v))
        {
            throw new ArgumentException($"{v} is not in {Describe()}.", nameof(value));
        }

        return v;
    }

    /// <inheritdoc />
    public override object? ToExternal(double internalValue) => checked((int)Math.Round(internalValue));

    /// <inheritdoc />
    public override bool Contains(double internalValue) =>
        !double.IsNaN(internalValue)
        && internalValue >= Low
        && internalValue <= High
        && internalValue == Math.Floor(internalValue)
        && ((long)internalValue - Low) % Step == 0;

    /// <inheritdoc />
    public override double Nearest(double internalValue)
    {
        if (double.IsNaN(internalValue))
        {
            throw new ArgumentException("Cannot map NaN into an int domain.", nameof(internalValue));
        }

        double clamped = Math.Clamp(internalValue, Low, High);
        return Math.Min(High, Low + (Math.Round((clamped - Low) / Step) * Step));
    }

    /// <summary>The value with the given index (0 = Low).</summary>
    public int ValueAt(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return checked((int)(Low + (index * Step)));
    }

    private string Describe() => $"int [{Low}, {High}]{(Log ? " log" : string.Empty)}{(Step != 1 ? $" step {Step}" : string.Empty)}";
}
