using System.Text.Json;

namespace AutoDnn.Torch.Tests.Support;

/// <summary>Reads Fixtures/tensor_ops.json (made by tools/make_tensor_fixtures.py with python3-torch).</summary>
public static class TensorFixtures
{
    private static readonly Lazy<JsonDocument> document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "tensor_ops.json"))));

    public static IEnumerable<string> CaseNames =>
        document.Value.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!);

    public static IEnumerable<string> RandomNames =>
        document.Value.RootElement.GetProperty("random").EnumerateArray().Select(c => c.GetProperty("name").GetString()!);

    public static (Tensor[] Inputs, JsonElement Expected) Case(string name)
    {
        JsonElement c = Find("cases", name);
        return (c.GetProperty("inputs").EnumerateArray().Select(Decode).ToArray(), c.GetProperty("output"));
    }

    public static JsonElement RandomCase(string name) => Find("random", name).GetProperty("output");

    public static Tensor Decode(JsonElement e)
    {
        long[] shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        JsonElement data = e.GetProperty("data");
        return e.GetProperty("dtype").GetString() switch
        {
            "float32" => Tensor.From<float>(data.EnumerateArray().Select(x => (float)x.GetDouble()).ToArray(), (ReadOnlySpan<long>)shape),
            "float64" => Tensor.From<double>(data.EnumerateArray().Select(x => x.GetDouble()).ToArray(), (ReadOnlySpan<long>)shape),
            "int64" => Tensor.From<long>(data.EnumerateArray().Select(x => x.GetInt64()).ToArray(), (ReadOnlySpan<long>)shape),
            "bool" => Tensor.From<bool>(data.EnumerateArray().Select(x => x.GetBoolean()).ToArray(), (ReadOnlySpan<long>)shape),
            var other => throw new InvalidDataException($"fixture dtype {other} is not handled"),
        };
    }

    /// <summary>Asserts dtype, shape and values (floats within a relative/absolute tolerance, others exactly).</summary>
    public static void AssertMatches(JsonElement expected, Tensor actual, string context, double tolerance = 1e-5)
    {
        using Tensor want = Decode(expected);
        Assert.True(want.DType == actual.DType, $"{context}: dtype {actual.DType}, PyTorch has {want.DType}");
        Assert.True(want.Shape.SequenceEqual(actual.Shape),
            $"{context}: shape [{string.Join(",", actual.Shape)}], PyTorch has [{string.Join(",", want.Shape)}]");
        switch (want.DType)
        {
            case DType.Float32:
            case DType.Float64:
                double[] w = want.To(DType.Float64).ToArray<double>(), a = actual.To(DType.Float64).ToArray<double>();
                for (int i = 0; i < w.Length; i++)
                    Assert.True(Math.Abs(w[i] - a[i]) <= tolerance * (1 + Math.Abs(w[i])),
                        $"{context}: element {i} is {a[i]:R}, PyTorch has {w[i]:R}");
                break;
            case DType.Int64:
                Assert.Equal(want.ToArray<long>(), actual.ToArray<long>());
                break;
            default:
                Assert.Equal(want.ToArray<bool>(), actual.ToArray<bool>());
                break;
        }
    }

    private static JsonElement Find(string section, string name) =>
        document.Value.RootElement.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
