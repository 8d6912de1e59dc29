using System.Diagnostics;
using System.Text.Json;
using AutoDnn.Torch.Nn;
using AutoDnn.Torch.Serialization;
using AutoDnn.Torch.Tests.Support;

namespace AutoDnn.Torch.Tests.Serialization;

/// <summary>Weights files move both ways between AutoDnn and python3-torch.</summary>
public class WeightsFileTests
{
    private static Sequential TwinOfPythonNet() =>
        new(new Conv2d(1, 2, 3), new BatchNorm2d(2), new Relu(), new Flatten(), new Linear(2 * 4 * 4, 3));

    [Fact]
    public void ReadsAStateDictSavedByPython()
    {
        using var scope = LibTorch.NewScope();
        var loaded = WeightsFile.Load(NnFixtures.PathOf("state_dict.pt"));
        JsonElement expected = NnFixtures.Root("state_dict.json");
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name), loaded.Keys);
        foreach (JsonProperty p in expected.EnumerateObject())
            TensorFixtures.AssertMatches(p.Value, loaded[p.Name], $"entry {p.Name}", 0);
    }

    [Fact]
    public void AModuleLoadsAPythonStateDictStrictly()
    {
        using var scope = LibTorch.NewScope();
        using Sequential net = TwinOfPythonNet();
        net.Load(NnFixtures.PathOf("state_dict.pt"));
        JsonElement expected = NnFixtures.Root("state_dict.json");
        var state = net.StateDict();
        foreach (JsonProperty p in expected.EnumerateObject())
            TensorFixtures.AssertMatches(p.Value, state[p.Name], $"module entry {p.Name}", 0);
    }

    [Fact]
    public void PythonLoadsWhatWeSaveIntoTheSameModel()
    {
        using var scope = LibTorch.NewScope();
        using Sequential net = TwinOfPythonNet();
        using (LibTorch.NoGrad()) net.Forward(Tensor.Randn(4, 1, 6, 6));
        string dir = Directory.CreateTempSubdirectory("autodnn-weights").FullName;
        string path = Path.Combine(dir, "net.pt");
        net.Save(path);
        const string script = """
            import sys, json, torch, torch.nn as nn
            sd = torch.load(sys.argv[1])
            net = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.ReLU(), nn.Flatten(), nn.Linear(32, 3))
            net.load_state_dict(sd, strict=True)
            print(json.dumps({k: {'shape': list(v.shape), 'dtype': str(v.dtype).replace('torch.', ''), 'data': v.flatten().tolist()} for k, v in sd.items()}))
            """;
        string output = RunPython(script, path);
        using JsonDocument doc = JsonDocument.Parse(output);
        var state = net.StateDict();
        Assert.Equal(state.Keys, doc.RootElement.EnumerateObject().Select(p => p.Name));
        foreach (JsonProperty p in doc.RootElement.EnumerateObject())
            TensorFixtures.AssertMatches(p.Value, state[p.Name], $"python's view of {p.Name}", 0);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void RoundTripKeepsEveryElementType()
    {
        using var scope = LibTorch.NewScope();
        string path = Path.Combine(Directory.CreateTempSubdirectory("autodnn-weights").FullName, "all.pt");
        var tensors = new Dictionary<string, Tensor>
        {
            ["f32"] = Tensor.Randn(3, 4),
            ["f64"] = Tensor.Randn([2, 2], dtype: DType.Float64),
            ["i64"] = Tensor.Arange(5),
            ["i32"] = Tensor.Arange(6).To(DType.Int32).View(2, 3),
            ["u8"] = Tensor.Arange(4).To(DType.UInt8),
            ["b"] = Tensor.From(new[] { true, false, true }),
            ["scalar"] = Tensor.Scalar(2.5f),
        };
        WeightsFile.Save(path, tensors);
        var back = WeightsFile.Load(path);
        Assert.Equal(tensors.Keys, back.Keys);
        foreach (var (k, t) in tensors)
        {
            Assert.Equal(t.DType, back[k].DType);
            Assert.Equal(t.Shape, back[k].Shape);
            Assert.True(back[k].Eq(t).All().ToBoolean(), $"{k} changed in the round trip");
        }
    }

    [Fact]
    public void NonContiguousPythonTensorsAreReadInTheirLogicalOrder()
    {
        using var scope = LibTorch.NewScope();
        string path = Path.Combine(Directory.CreateTempSubdirectory("autodnn-weights").FullName, "t.pt");
        RunPython("import sys, torch\nx = torch.arange(12.).view(3, 4)\ntorch.save({'t': x.t(), 'row': x[1]}, sys.argv[1])", path);
        var back = WeightsFile.Load(path);
        Assert.Equal([0f, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11], back["t"].ToArray<float>());
        Assert.Equal([4f, 5, 6, 7], back["row"].ToArray<float>());
    }

    [Fact]
    public void MismatchesNameTheEntries()
    {
        using var scope = LibTorch.NewScope();
        using var net = new Sequential(new Linear(2, 3));
        var wrongShape = new Dictionary<string, Tensor> { ["0.weight"] = Tensor.Zeros(3, 4), ["0.bias"] = Tensor.Zeros(3) };
        Assert.Contains("0.weight", Assert.Throws<ArgumentException>(() => net.LoadStateDict(wrongShape)).Message);
        var missing = new Dictionary<string, Tensor> { ["0.weight"] = Tensor.Zeros(3, 2), ["extra"] = Tensor.Zeros(1) };
        string message = Assert.Throws<ArgumentException>(() => net.LoadStateDict(missing)).Message;
        Assert.Contains("0.bias", message);
        Assert.Contains("extra", message);
        string notZip = Path.GetTempFileName();
        File.WriteAllText(notZip, "not weights");
        Assert.Contains(notZip, Assert.Throws<InvalidDataException>(() => WeightsFile.Load(notZip)).Message);
    }

    private static string RunPython(string script, string argument)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(argument);
        using Process p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"python3 failed: {stderr}");
        return stdout;
    }
}
