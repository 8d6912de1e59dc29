using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.TestPlugins.Valid;

/// <summary>The perceptron model built by <see cref="PerceptronArchitecture"/>.</summary>
public sealed class Perceptron : Module<Tensor, Tensor>
{
    private readonly Tensor _w1;
    private readonly Tensor _w2;
    private readonly bool _relu;

    public Perceptron(long inputs, int hidden, int outputs, bool relu, double scale)
    {
        _w1 = RegisterParameter("w1", (Tensor.Randn(hidden, inputs) * scale).Detach())!;
        _w2 = RegisterParameter("w2", (Tensor.Randn(outputs, hidden) * scale).Detach())!;
        _relu = relu;
    }

    public override Tensor Forward(Tensor input)
    {
        Tensor h = Functional.Linear(input.Flatten(1), _w1);
        return Functional.Linear(_relu ? h.Relu() : h.Tanh(), _w2);
    }
}
