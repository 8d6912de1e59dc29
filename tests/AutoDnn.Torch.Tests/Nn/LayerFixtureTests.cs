using System.Text.Json;
using AutoDnn.Torch.Nn;
using AutoDnn.Torch.Tests.Support;

namespace AutoDnn.Torch.Tests.Nn;

/// <summary>Every layer's forward and backward against python3-torch with the same weights and input.</summary>
[Collection(GlobalRandomCollection.Name)]
public class LayerFixtureTests
{
    public static IEnumerable<object[]> Cases => NnFixtures.Names("layers.json");

    private static Module Build(string name) => name switch
    {
        "linear" => new Linear(4, 3),
        "linear_nobias" => new Linear(4, 3, bias: false),
        "conv1d" => new Conv1d(4, 6, 3, stride: 2, padding: 1, dilation: 1, groups: 2),
        "conv2d" => new Conv2d(4, 6, 3, stride: 2, padding: 1, dilation: 2, groups: 2),
        "maxpool2d" => new MaxPool2d(2),
        "avgpool2d" => new AvgPool2d(3, stride: 2, padding: 1),
        "adaptiveavgpool2d" => new AdaptiveAvgPool2d((3, 2)),
        "batchnorm1d_train" => new BatchNorm1d(4),
        "batchnorm2d_train" or "batchnorm2d_eval" => new BatchNorm2d(4),
        "layernorm" => new LayerNorm(6),
        "dropout" => new Dropout(0.3),
        "dropout2d" => new Dropout2d(0.5),
        "embedding" => new Embedding(10, 4, paddingIdx: 0),
        "flatten" => new Flatten(),
        "relu" => new Relu(),
        "leakyrelu" => new LeakyRelu(0.2),
        "elu" => new Elu(0.7),
        "gelu" => new Gelu(),
        "gelu_tanh" => new Gelu("tanh"),
        "silu" => new Silu(),
        "tanh" => new Tanh(),
        "sigmoid" => new Sigmoid(),
        "lstm" => new Lstm(4, 3, batchFirst: true),
        "lstm_2layer_bidir" or "lstm_lengths" => new Lstm(4, 3, numLayers: 2, bidirectional: true, batchFirst: true),
        "lstm_seq_first_dropout" => new Lstm(4, 3, numLayers: 2, dropout: 0.5),
        "gru" => new Gru(4, 3, batchFirst: true),
        "gru_lengths_bidir" => new Gru(4, 3, numLayers: 2, bidirectional: true, batchFirst: true),
        "sequential" => new Sequential(new Conv2d(4, 3, 3), new Relu(), new Flatten(), new Linear(60, 2)),
        _ => throw new ArgumentException($"no C# twin for fixture layer '{name}'"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardAndBackwardMatchPyTorch(string name)
    {
        JsonElement c = NnFixtures.Case("layers.json", name);
        using var scope = LibTorch.NewScope();
        using Module module = Build(name);
        module.LoadStateDict(NnFixtures.Tensors(c.GetProperty("state")));
        module.Train(c.GetProperty("train").GetBoolean());
        Tensor input = TensorFixtures.Decode(c.GetProperty("input"));
        bool floatInput = input.DType == DType.Float32;
        if (floatInput) input.RequiresGrad = true;
        if (c.GetProperty("seed").ValueKind == JsonValueKind.Number) LibTorch.ManualSeed(c.GetProperty("seed").GetUInt64());

        Tensor output;
        Tensor? hN = null;
        if (module is RecurrentLayer rnn)
        {
            Tensor? lengths = c.TryGetProperty("lengths", out JsonElement l) ? TensorFixtures.Decode(l) : null;
            RnnResult r = rnn.Forward(input, lengths);
            (output, hN) = (r.Output, r.HiddenState);
        }
        else
        {
            output = ((Module<Tensor, Tensor>)module).Forward(input);
        }
        TensorFixtures.AssertMatches(c.GetProperty("output"), output, $"{name} output");
        Tensor loss = (output * TensorFixtures.Decode(c.GetProperty("grad_output"))).Sum();
        if (hN is not null)
        {
            TensorFixtures.AssertMatches(c.GetProperty("h_n"), hN, $"{name} h_n");
            loss = loss + (hN * TensorFixtures.Decode(c.GetProperty("grad_h_n"))).Sum();
        }
        loss.Backward();

        if (floatInput) TensorFixtures.AssertMatches(c.GetProperty("input_grad"), input.Grad!, $"{name} input gradient", 1e-4);
        var parameters = module.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter);
        foreach (JsonProperty g in c.GetProperty("param_grads").EnumerateObject())
            TensorFixtures.AssertMatches(g.Value, parameters[g.Name].Grad!, $"{name} gradient of {g.Name}", 1e-4);
        var state = module.StateDict();
        foreach (JsonProperty s in c.GetProperty("state_after").EnumerateObject())
            TensorFixtures.AssertMatches(s.Value, state[s.Name], $"{name} state {s.Name} after the step");
    }
}
