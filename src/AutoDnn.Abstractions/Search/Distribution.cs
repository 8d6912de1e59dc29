using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoDnn.Abstractions.Search;

/// <summary>The domain of one hyperparameter; samplers and storage see every value as an internal double.</summary>
/// <remarks>
/// Internal representation: a float's value itself, an int's value as a double, a categorical's choice index.
/// Instances are validated when constructed (also when read back from JSON) and are immutable.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FloatDistribution), "float")]
[JsonDerivedType(typeof(IntDistribution), "int")]
[JsonDerivedType(typeof(CategoricalDistribution), "categorical")]
public abstract record Distribution
{
    private protected Distribution()
    {
    }

    /// <summary>True when the domain holds exactly one value (samplers must return it).</summary>
    [JsonIgnore]
    public abstract bool IsSingle { get; }

    /// <summary>Converts a user-facing value to the internal representation; throws ArgumentException when it is not in the domain.</summary>
    public abstract double ToInternal(object? value);

    /// <summary>Converts an internal value back to the user-facing value (double, int, or the choice itself).</summary>
    public abstract object? ToExternal(double internalValue);

    /// <summary>True when the internal value lies in the domain (range, step grid, integrality, choice index).</summary>
    public abstract bool Contains(double internalValue);

    /// <summary>The valid internal value nearest to an arbitrary one: clamped to the range and rounded to the step grid.</summary>
    public abstract double Nearest(double internalValue);

    /// <summary>
    /// True when both may be used under one parameter name across a study: same kind, and for categoricals the
    /// same choices (ranges may differ between trials, as in Optuna).
    /// </summary>
    public virtual bool IsCompatibleWith(Distribution other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return GetType() == other.GetType();
    }

    /// <summary>Serializes to JSON with a "type" discriminator ("float", "int", "categorical").</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads a distribution written by <see cref="ToJson"/>; validation runs as for the constructors.</summary>
    public static Distribution FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize<Distribution>(json)
            ?? throw new JsonException("A distribution JSON document was 'null'.");
    }
}
