using AutoDnn.Torch.Nn;

namespace AutoDnn.Torch.Tests.Nn;

/// <summary>Module bookkeeping: names, counts, modes, state dictionaries, initialisers and errors.</summary>
public class ModuleTests
{
    private sealed class Block : Module<Tensor, Tensor>
    {
        private readonly Linear fc;
        private readonly BatchNorm1d bn;

        public Block()
        {
            fc = RegisterModule("fc", new Linear(4, 8));
            bn = RegisterModule("bn", new BatchNorm1d(8));
            RegisterParameter("scale", Tensor.Ones(1));
        }

        public override Tensor Forward(Tensor input) => bn.Forward(fc.Forward(input)) * Parameter("scale");
    }

    [Fact]
    public void NamesFollowPyTorchOrder()
    {
        using var block = new Block();
        Assert.Equal(["scale", "fc.weight", "fc.bias", "bn.weight", "bn.bias"], block.NamedParameters().Select(p => p.Name));
        Assert.Equal(["scale", "fc.weight", "fc.bias", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var", "bn.num_batches_tracked"],
            block.StateDict().Keys);
        Assert.Equal(1 + 32 + 8 + 8 + 8, block.ParameterCount());
    }

    [Fact]
    public void EvalReachesEveryDescendantAndChangesBehaviour()
    {
        using var scope = LibTorch.NewScope();
        using var net = new Sequential(new Dropout(0.5));
        Tensor x = Tensor.Ones(1000);
        Assert.True(net.Forward(x).Eq(0).Sum().ItemInt64() > 300);
        net.Eval();
        Assert.False(net[0].IsTraining);
        Assert.Equal(0, net.Forward(x).Eq(0).Sum().ItemInt64());
    }

    // Returns its input object unchanged and remembers it.
    private sealed class Recorder : Module<Tensor, Tensor>
    {
        public List<Tensor> Seen { get; } = new();

        public override Tensor Forward(Tensor input)
        {
            Seen.Add(input);
            return input;
        }
    }

    [Fact]
    public void SequentialFreesIntermediatesInAScopeAndKeepsGradientsExact()
    {
        LibTorch.ManualSeed(3);
        using var first = new Linear(4, 6);
        using var second = new Linear(6, 2);
        var seenFirst = new Recorder();
        var seenSecond = new Recorder();
        using var net = new Sequential(first, seenFirst, new Relu(), seenSecond, second);
        using var scope = LibTorch.NewScope();
        Tensor x = Tensor.Rand(5, 4);

        Tensor output = net.Forward(x);
        // The input and the output belong to the caller; a module that returns its input does not free it early.
        Assert.False(x.IsDisposed);
        Assert.False(output.IsDisposed);
        Assert.True(seenFirst.Seen[0].IsDisposed);
        Assert.True(seenSecond.Seen[0].IsDisposed);
        output.Sum().Backward();
        float[] weightGrad = first.Weight.Grad!.ToArray<float>();

        // The same ops written out, every temporary kept: the same gradient.
        net.ZeroGrad();
        Functional.Linear(Functional.Relu(first.Forward(x)), second.Weight, second.Bias).Sum().Backward();
        Assert.Equal(weightGrad, first.Weight.Grad!.ToArray<float>());
    }

    // Keeps the activation it is given for use after the forward pass, taking it out of the step's scope.
    private sealed class Keeper : Module<Tensor, Tensor>
    {
        public Tensor? Kept { get; private set; }

        public override Tensor Forward(Tensor input)
        {
            Kept = input.MoveToOuter();
            return input;
        }
    }

    [Fact]
    public void SequentialLeavesWhatAModuleMovedOutAndCanKeepEverything()
    {
        using var outer = LibTorch.NewScope();
        var keeper = new Keeper();
        var seen = new Recorder();
        using var net = new Sequential(new Linear(3, 3), keeper, new Relu(), seen, new Relu());
        using (LibTorch.NewScope())
        {
            net.Forward(Tensor.Rand(2, 3));
            Assert.False(keeper.Kept!.IsDisposed);
            Assert.True(seen.Seen[0].IsDisposed);
            var error = Assert.Throws<ObjectDisposedException>(() => seen.Seen[0].Shape);
            Assert.Contains("Sequential", error.Message);

            net.FreeIntermediates = false;
            net.Forward(Tensor.Rand(2, 3));
            Assert.False(seen.Seen[1].IsDisposed);
        }
        Assert.True(seen.Seen[1].IsDisposed);
        Assert.False(keeper.Kept!.IsDisposed);
    }

    [Fact]
    public void SequentialOutsideAScopeFreesNothingEarly()
    {
        var seen = new Recorder();
        using var net = new Sequential(new Linear(3, 3), seen, new Relu());
        using Tensor x = Tensor.Rand(2, 3);
        using Tensor output = net.Forward(x);
        Assert.False(seen.Seen[0].IsDisposed);
        Assert.Equal([2L, 3L], seen.Seen[0].Shape);
    }

    [Fact]
    public void InitialisersHaveTheRightStatistics()
    {
        using var scope = LibTorch.NewScope();
        Tensor w = Init.Orthogonal(Tensor.Zeros(6, 4), gain: 2);
        Tensor gram = w.T.MatMul(w);
        Assert.True((gram - Tensor.Eye(4) * 4.0).Abs().Max().Item() < 1e-4);
        Tensor k = Init.KaimingNormal(Tensor.Zeros(256, 512), nonlinearity: "relu");
        Assert.Equal(Math.Sqrt(2.0 / 512), k.Std().Item(), 2);
        Tensor x = Init.XavierUniform(Tensor.Zeros(100, 300));
        Assert.True(x.Abs().Max().Item() <= Math.Sqrt(6.0 / 400) + 1e-6);
        Assert.Throws<ArgumentException>(() => Init.XavierUniform(Tensor.Zeros(5)));
    }

    [Fact]
    public void EmbeddingPaddingRowStartsAtZeroAndGetsNoGradient()
    {
        using var scope = LibTorch.NewScope();
        using var emb = new Embedding(5, 3, paddingIdx: 2);
        Assert.All(emb.Weight[2].ToArray<float>(), v => Assert.Equal(0f, v));
        emb.Forward(Tensor.From(new long[] { 2, 1, 2 })).Sum().Backward();
        Assert.All(emb.Weight.Grad![2].ToArray<float>(), v => Assert.Equal(0f, v));
        Assert.All(emb.Weight.Grad![1].ToArray<float>(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void ToDtypeKeepsParametersTrainable()
    {
        using var net = new Sequential(new Linear(2, 2), new BatchNorm1d(2));
        net.To(DType.Float64);
        Assert.All(net.Parameters(), p => { Assert.Equal(DType.Float64, p.DType); Assert.True(p.RequiresGrad); });
        Assert.Equal(DType.Int64, net.StateDict()["1.num_batches_tracked"].DType);
        Assert.Throws<TorchException>(() => net.To(Device.Cuda(7)));
    }

    [Fact]
    public void UserErrorsNameTheLayerAndValue()
    {
        Assert.Contains("groups = 3", Assert.Throws<ArgumentException>(() => new Conv2d(4, 6, 3, groups: 3)).Message);
        Assert.Contains("numLayers", Assert.Throws<ArgumentOutOfRangeException>(() => new Lstm(4, 3, numLayers: 0)).Message);
        using var scope = LibTorch.NewScope();
        using var bn = new BatchNorm2d(3);
        Assert.Contains("BatchNorm2d expects a 4-d", Assert.Throws<ArgumentException>(() => bn.Forward(Tensor.Zeros(2, 3))).Message);
        using var lstm = new Lstm(4, 3, batchFirst: true);
        var e = Assert.Throws<TorchException>(() => lstm.Forward(Tensor.Zeros(2, 5, 4), Tensor.From(new long[] { 5, 2, 1 })));
        Assert.Contains("Lstm(4, 3)", e.Message);
        Assert.Contains("lengths", e.Message);
    }
}
