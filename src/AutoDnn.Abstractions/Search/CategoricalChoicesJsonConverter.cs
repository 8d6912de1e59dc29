using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoDnn.Abstractions.Search;

/// <summary>Writes choices so that their CLR type survives a round trip (doubles always carry a '.' or exponent).</summary>
internal sealed class CategoricalChoicesJsonConverter : JsonConverter<IReadOnlyList<object?>>
{
    public override IReadOnlyList<object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Categorical choices must be a JSON array.");
        }

        var builder = ImmutableArray.CreateBuilder<object?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            builder.Add(ReadValue(ref reader));
        }

        return builder.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<object?> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (object? choice in value)
        {
            WriteValue(writer, choice);
        }

        writer.WriteEndArray();
    }

    internal static object? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number => ReadNumber(ref reader),
        _ => throw new JsonException($"A categorical choice must be null, a string, a bool or a number, got {reader.TokenType}."),
    };

    private static object ReadNumber(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        bool isReal = raw.IndexOfAny("."u8) >= 0 || raw.IndexOfAny("eE"u8) >= 0;
        if (!isReal)
        {
            if (reader.TryGetInt32(out int i))
            {
                return i;
            }

            if (reader.TryGetInt64(out long l))
            {
                return l;
            }
        }

        return reader.GetDouble();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? choice)
    {
        switch (choice)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                string text = d.ToString("R", CultureInfo.InvariantCulture);
                writer.WriteRawValue(text.AsSpan().IndexOfAny(".eE") >= 0 ? text : text + ".0");
                break;
            default:
                throw new JsonException($"Unsupported categorical choice type {choice.GetType().Name}.");
        }
    }
}
