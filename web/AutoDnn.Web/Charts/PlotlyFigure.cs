using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AutoDnn.Web.Charts;

/// <summary>A Plotly.js figure (traces and layout) built on the server and embedded as JSON that is safe inside HTML.</summary>
public sealed class PlotlyFigure
{
    // The default encoder escapes <, >, &, ' and non-ASCII as \uXXXX, so the JSON cannot close a <script> element.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public PlotlyFigure(string title)
    {
        Layout = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title },
            ["margin"] = new JsonObject { ["l"] = 60, ["r"] = 20, ["t"] = 40, ["b"] = 50 },
            ["hovermode"] = "closest",
        };
    }

    public JsonArray Data { get; } = [];

    public JsonObject Layout { get; }

    /// <summary>The figure's axes titles, set together because nearly every chart has both.</summary>
    public PlotlyFigure Axes(string x, string y)
    {
        Layout["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = x } };
        Layout["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = y } };
        return this;
    }

    public PlotlyFigure Add(JsonObject trace)
    {
        Data.Add(trace);
        return this;
    }

    /// <summary>Number of traces, for tests and for "nothing to draw" notices.</summary>
    public int TraceCount => Data.Count;

    /// <summary>{"data": [...], "layout": {...}} with every HTML-significant character escaped; written once, so change no figure after this.</summary>
    public string ToJson() => _json ??= Write();

    private string? _json;

    private string Write()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            Data.WriteTo(writer, Options);
            writer.WritePropertyName("layout");
            Layout.WriteTo(writer, Options);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// A JSON number, or null for NaN and infinities (which JSON cannot hold). Charts need no more than single
    /// precision, and its shortest form is half as long, which matters with tens of thousands of points.
    /// </summary>
    public static JsonNode? Number(double value) =>
        !double.IsFinite(value) ? null : Math.Abs(value) is > 1e-30 and < 1e30 ? JsonValue.Create((float)value) : JsonValue.Create(value);

    public static JsonArray Numbers(IEnumerable<double> values) => [.. values.Select(Number)];

    public static JsonArray Texts(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    /// <summary>Serializes any JSON node with the same HTML-safe escaping (for live-update payloads).</summary>
    public static string Serialize(JsonNode node) => node.ToJsonString(Options);
}
