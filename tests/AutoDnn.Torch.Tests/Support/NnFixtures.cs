using System.Text.Json;

namespace AutoDnn.Torch.Tests.Support;

/// <summary>Reads Fixtures/Nn/*.json (made by tools/make_nn_fixtures.py with python3-torch).</summary>
public static class NnFixtures
{
    private static readonly Dictionary<string, JsonDocument> documents = new();

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Nn", file);

    public static JsonElement Root(string file)
    {
        lock (documents)
        {
            if (!documents.TryGetValue(file, out JsonDocument? doc))
                documents[file] = doc = JsonDocument.Parse(File.ReadAllText(PathOf(file)));
            return doc.RootElement;
        }
    }

    public static IEnumerable<object[]> Names(string file) =>
        Root(file).EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static JsonElement Case(string file, string name) =>
        Root(file).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>A name → tensor dictionary from a JSON object of encoded tensors.</summary>
    public static Dictionary<string, Tensor> Tensors(JsonElement obj) =>
        obj.EnumerateObject().ToDictionary(p => p.Name, p => TensorFixtures.Decode(p.Value));
}
