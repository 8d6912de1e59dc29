using AutoDnn.Torch.Nn;
using AutoDnn.Torch.Optim;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Torch.Tests.Nn;

/// <summary>A LeNet-style CNN and an Embedding+LSTM classifier learn small synthetic tasks in seconds.</summary>
public class LearningTests
{
    // Class = the quadrant of a 16×16 image that holds a bright 4×4 square, under noise.
    private static (Tensor X, Tensor Y) Quadrants(Random rng, int n)
    {
        var x = new float[n * 256];
        var y = new long[n];
        for (int i = 0; i < n; i++)
        {
            int c = rng.Next(4);
            y[i] = c;
            for (int p = 0; p < 256; p++) x[i * 256 + p] = (float)(rng.NextDouble() * 0.6 - 0.3);
            int r0 = (c / 2) * 8 + rng.Next(5), c0 = (c % 2) * 8 + rng.Next(5);
            for (int r = r0; r < r0 + 4; r++)
                for (int col = c0; col < c0 + 4; col++) x[i * 256 + r * 16 + col] += 1f;
        }
        return (Tensor.From(x, n, 1, 16, 16), Tensor.From(y));
    }

    // Class = whether token 3 occurs in a variable-length sequence (padding 0), so the LSTM must remember.
    private static (Tensor X, Tensor Lengths, Tensor Y) Sequences(Random rng, int n, int maxLen)
    {
        var x = new long[n * maxLen];
        var lengths = new long[n];
        var y = new long[n];
        for (int i = 0; i < n; i++)
        {
            int len = rng.Next(3, maxLen + 1);
            lengths[i] = len;
            for (int t = 0; t < len; t++) x[i * maxLen + t] = rng.Next(4, 20);
            if (rng.Next(2) == 1) { y[i] = 1; x[i * maxLen + rng.Next(len)] = 3; }
        }
        return (Tensor.From(x, n, maxLen), Tensor.From(lengths), Tensor.From(y));
    }

    private static double Accuracy(Tensor logits, Tensor y) => logits.ArgMax(1).Eq(y).To(DType.Float32).Mean().Item();

    [Fact]
    public void LeNetLearnsQuadrants()
    {
        LibTorch.ManualSeed(1);
        var rng = new Random(1);
        using var net = new Sequential(
            new Conv2d(1, 6, 3), new Relu(), new MaxPool2d(2),
            new Conv2d(6, 12, 3), new Relu(), new MaxPool2d(2),
            new Flatten(), new Linear(12 * 2 * 2, 32), new Relu(), new Linear(32, 4));
        using var opt = new Adam(net.Parameters(), lr: 1e-2);
        double first = 0, last = 0;
        for (int step = 0; step < 80; step++)
        {
            using var scope = LibTorch.NewScope();
            var (x, y) = Quadrants(rng, 32);
            Tensor loss = F.CrossEntropy(net.Forward(x), y);
            opt.ZeroGrad();
            loss.Backward();
            opt.Step();
            if (step == 0) first = loss.Item();
            last = loss.Item();
        }
        using var eval = LibTorch.NewScope();
        using var noGrad = LibTorch.NoGrad();
        net.Eval();
        var (tx, ty) = Quadrants(rng, 256);
        double accuracy = Accuracy(net.Forward(tx), ty);
        Assert.True(last < first * 0.3, $"loss went from {first} to {last}");
        Assert.True(accuracy > 0.85, $"held-out accuracy {accuracy} (chance 0.25)");
    }

    private sealed class SequenceClassifier : Module<(Tensor Tokens, Tensor Lengths), Tensor>
    {
        private readonly Embedding embedding;
        private readonly Lstm lstm;
        private readonly Linear head;

        public SequenceClassifier()
        {
            embedding = RegisterModule("embedding", new Embedding(20, 16, paddingIdx: 0));
            lstm = RegisterModule("lstm", new Lstm(16, 32, batchFirst: true));
            head = RegisterModule("head", new Linear(32, 2));
        }

        public override Tensor Forward((Tensor Tokens, Tensor Lengths) input)
        {
            RnnResult r = lstm.Forward(embedding.Forward(input.Tokens), input.Lengths);
            return head.Forward(r.HiddenState.Select(0, -1));
        }
    }

    [Fact]
    public void EmbeddingLstmLearnsTokenPresenceOverVariableLengths()
    {
        LibTorch.ManualSeed(2);
        var rng = new Random(2);
        using var net = new SequenceClassifier();
        using var opt = new Adam(net.Parameters(), lr: 1e-2);
        double first = 0, last = 0;
        for (int step = 0; step < 150; step++)
        {
            using var scope = LibTorch.NewScope();
            var (x, lengths, y) = Sequences(rng, 32, 12);
            Tensor loss = F.CrossEntropy(net.Forward((x, lengths)), y);
            opt.ZeroGrad();
            loss.Backward();
            GradientClipping.ClipGradNorm(net.Parameters(), 5);
            opt.Step();
            if (step == 0) first = loss.Item();
            last = loss.Item();
        }
        using var eval = LibTorch.NewScope();
        using var noGrad = LibTorch.NoGrad();
        net.Eval();
        var (tx, tl, ty) = Sequences(rng, 256, 12);
        double accuracy = Accuracy(net.Forward((tx, tl)), ty);
        Assert.True(last < first * 0.5, $"loss went from {first} to {last}");
        Assert.True(accuracy > 0.85, $"held-out accuracy {accuracy} (chance 0.5)");
    }
}
