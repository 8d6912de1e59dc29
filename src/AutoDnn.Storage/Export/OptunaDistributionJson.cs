using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoDnn.Abstractions.Search;

namespace AutoDnn.Storage.Export;

/// <summary>Optuna's distribution_json: <c>{"name": "FloatDistribution", "attributes": {...}}</c>, as <c>json_to_distribution</c> reads it.</summary>
internal static class OptunaDistributionJson
{
    public static string Write(Distribution distribution)
    {
        var buffer = new StringBuilder();
        switch (distribution)
        {
            case FloatDistribution f:
                buffer.Append("{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": ")
                    .Append(f.Step is { } s ? Float(s) : "null")
                    .Append(", \"low\": ").Append(Float(f.Low))
                    .Append(", \"high\": ").Append(Float(f.High))
                    .Append(", \"log\": ").Append(f.Log ? "true" : "false").Append("}}");
                break;
            case IntDistribution i:
                buffer.Append("{\"name\": \"IntDistribution\", \"attributes\": {\"log\": ").Append(i.Log ? "true" : "false")
                    .Append(", \"step\": ").Append(i.Step.ToString(CultureInfo.InvariantCulture))
                    .Append(", \"low\": ").Append(i.Low.ToString(CultureInfo.InvariantCulture))
                    .Append(", \"high\": ").Append(i.High.ToString(CultureInfo.InvariantCulture)).Append("}}");
                break;
            case CategoricalDistribution c:
                buffer.Append("{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [")
                    .AppendJoin(", ", c.Choices.Select(Choice)).Append("]}}");
                break;
            default:
                throw new ArgumentException($"Optuna has no equivalent of {distribution.GetType().Name}.", nameof(distribution));
        }

        return buffer.ToString();
    }

    /// <summary>A choice as Python's json reads it back to the same type: doubles always carry a '.' or an exponent.</summary>
    private static string Choice(object? choice) => choice switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        int or long => Convert.ToString(choice, CultureInfo.InvariantCulture)!,
        double d => Float(d),
        _ => throw new ArgumentException($"A categorical choice of type {choice.GetType().Name} cannot be exported to Optuna.", nameof(choice)),
    };

    private static string Float(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny(".eE") >= 0 ? text : text + ".0";
    }
}
