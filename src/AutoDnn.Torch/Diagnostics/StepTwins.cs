using AutoDnn.Torch.Nn;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Torch.Diagnostics;

/// <summary>
/// The managed twins of the two models of ../shared/peers/pytorch_step_bench.py and cpp_floor.cpp (see
/// <see cref="StepFloor"/>), layer for layer, with their data: what <c>autodnn bench step</c> times.
/// </summary>
public static class StepTwins
{
    /// <summary>Conv(1→32,3) ReLU MaxPool2, Conv(32→64,3) ReLU MaxPool2, Linear(1600→128) ReLU, Linear(128→10).</summary>
    public sealed class Cnn : Module<Tensor, Tensor>
    {
        private readonly Conv2d c1, c2;
        private readonly Linear f1, f2;

        public Cnn()
        {
            c1 = RegisterModule("c1", new Conv2d(1, 32, 3));
            c2 = RegisterModule("c2", new Conv2d(32, 64, 3));
            f1 = RegisterModule("f1", new Linear(1600, 128));
            f2 = RegisterModule("f2", new Linear(128, 10));
        }

        public override Tensor Forward(Tensor x)
        {
            x = F.MaxPool2d(F.Relu(c1.Forward(x)), (2, 2));
            x = F.MaxPool2d(F.Relu(c2.Forward(x)), (2, 2));
            return f2.Forward(F.Relu(f1.Forward(x.Flatten(1))));
        }
    }

    /// <summary>Embedding(5000, 64) → LSTM(64→128, batch-first) → Linear(128→4) on the last step.</summary>
    public sealed class LstmClassifier : Module<Tensor, Tensor>
    {
        private readonly Embedding emb;
        private readonly Lstm lstm;
        private readonly Linear output;

        public LstmClassifier()
        {
            emb = RegisterModule("emb", new Embedding(5000, 64));
            lstm = RegisterModule("lstm", new Lstm(64, 128, batchFirst: true));
            output = RegisterModule("out", new Linear(128, 4));
        }

        public override Tensor Forward(Tensor x) => output.Forward(lstm.Forward(emb.Forward(x)).Output.Select(1, -1));
    }

    /// <summary>The models, by name; the index is the shim's code for <see cref="StepFloor"/>'s C++ twin.</summary>
    public static IReadOnlyList<string> Models { get; } = ["cnn", "lstm"];

    /// <summary>The index of <paramref name="model"/> in <see cref="Models"/>; an <see cref="ArgumentException"/> for any other name.</summary>
    public static int ModelIndex(string model)
    {
        int index = Models.ToList().IndexOf(model);
        return index >= 0 ? index : throw new ArgumentException($"model must be {string.Join(" or ", Models)}, got '{model}'");
    }

    /// <summary>
    /// The same CNN as a <see cref="Sequential"/>, how a PyTorch user writes a LeNet: the same ops in the same order, with
    /// each intermediate activation freed as soon as the next layer has run.
    /// </summary>
    public static Sequential SequentialCnn() => new(
        new Conv2d(1, 32, 3), new Relu(), new MaxPool2d(2),
        new Conv2d(32, 64, 3), new Relu(), new MaxPool2d(2),
        new Flatten(), new Linear(1600, 128), new Relu(), new Linear(128, 10));

    /// <summary>
    /// The model and 8 batches (inputs, labels) for "cnn" or "lstm", drawn as the peer does (batch 64). The CNN is the
    /// <see cref="SequentialCnn"/> unless <paramref name="handWritten"/> asks for <see cref="Cnn"/>'s own Forward, whose
    /// temporaries live until the step's scope ends; the LSTM twin is always hand-written.
    /// </summary>
    public static (Module<Tensor, Tensor> Model, Tensor[] Xs, Tensor[] Ys) Create(string model, bool handWritten)
    {
        int index = ModelIndex(model);
        LibTorch.ManualSeed(0);
        var xs = new Tensor[8];
        var ys = new Tensor[8];
        if (index == 0)
        {
            Module<Tensor, Tensor> net = handWritten ? new Cnn() : SequentialCnn();
            for (int i = 0; i < 8; i++)
            {
                xs[i] = (Tensor.Rand(64, 1, 28, 28) * 2.0 - 1.0).DetachFromScope();
                ys[i] = Tensor.RandInt(0, 10, [64]).DetachFromScope();
            }
            return (net, xs, ys);
        }
        var lstm = new LstmClassifier();
        for (int i = 0; i < 8; i++)
        {
            xs[i] = Tensor.RandInt(0, 5000, [64, 60]).DetachFromScope();
            ys[i] = Tensor.RandInt(0, 4, [64]).DetachFromScope();
        }
        return (lstm, xs, ys);
    }
}
