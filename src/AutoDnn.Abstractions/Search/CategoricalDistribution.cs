using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace AutoDnn.Abstractions.Search;

/// <summary>A hyperparameter that takes one of a fixed list of choices (strings, numbers, bools or null).</summary>
public sealed record CategoricalDistribution : Distribution
{
    /// <summary>Creates and validates the domain; choices must be non-empty, distinct and of supported types.</summary>
    [JsonConstructor]
    public CategoricalDistribution(IReadOnlyList<object?> choices)
    {
        ArgumentNullException.ThrowIfNull(choices, nameof(choices));
        if (choices.Count == 0)
        {
            throw new ArgumentException("choices must not be empty.", nameof(choices));
        }

        for (int i = 0; i < choices.Count; i++)
        {
            object? choice = choices[i];
            if (!CategoricalChoice.IsSupported(choice))
            {
                throw new ArgumentException(
                    $"choices[{i}] = {CategoricalChoice.Format(choice)} has unsupported type {choice!.GetType().Name}; "
                    + "use string, bool, int, long, a finite double, or null.",
                    nameof(choices));
            }

            for (int j = 0; j < i; j++)
            {
                if (CategoricalChoice.Equals(choices[j], choice))
                {
                    throw new ArgumentException(
                        $"choices contain {CategoricalChoice.Format(choice)} twice (at {j} and {i}).", nameof(choices));
                }
            }
        }

        Choices = [.. choices];
    }

    /// <summary>The choices, in order; the internal value of a choice is its index here.</summary>
    [JsonPropertyName("choices")]
    [JsonConverter(typeof(CategoricalChoicesJsonConverter))]
    public IReadOnlyList<object?> Choices { get; }

    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsSingle => Choices.Count == 1;

    /// <inheritdoc />
    public override double ToInternal(object? value)
    {
        for (int i = 0; i < Choices.Count; i++)
        {
            if (CategoricalChoice.Equals(Choices[i], value))
            {
                return i;
            }
        }

        throw new ArgumentException(
            $"{CategoricalChoice.Format(value)} is not one of the choices [{string.Join(", ", Choices.Select(CategoricalChoice.Format))}].",
            nameof(value));
    }

    /// <inheritdoc />
    public override object? ToExternal(double internalValue)
    {
        if (!Contains(internalValue))
        {
            throw new ArgumentOutOfRangeException(
                nameof(internalValue), internalValue, $"Choice index must be an integer in [0, {Choices.Count - 1}].");
        }

        return Choices[(int)internalValue];
    }

    /// <inheritdoc />
    public override bool Contains(double internalValue) =>
        internalValue >= 0 && internalValue < Choices.Count && internalValue == Math.Floor(internalValue);

    /// <inheritdoc />
    public override double Nearest(double internalValue)
    {
        if (double.IsNaN(internalValue))
        {
            throw new ArgumentException("Cannot map NaN to a choice index.", nameof(internalValue));
        }

        return Math.Clamp(Math.Round(internalValue), 0, Choices.Count - 1);
    }

    /// <inheritdoc />
    public override bool IsCompatibleWith(Distribution other) => other is CategoricalDistribution c && Equals(c);

    /// <summary>Equal when the choices are equal one by one (in order).</summary>
    public bool Equals(CategoricalDistribution? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Choices.Count != other.Choices.Count)
        {
            return false;
        }

        for (int i = 0; i < Choices.Count; i++)
        {
            if (!CategoricalChoice.Equals(Choices[i], other.Choices[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (object? choice in Choices)
        {
            hash.Add(CategoricalChoice.GetHashCode(choice));
        }

        return hash.ToHashCode();
    }
}
