using AutoDnn.Torch.Tests.Support;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Torch.Tests;

/// <summary>Gradient of every differentiable op against finite differences (float64), plus autograd plumbing.</summary>
public class AutogradTests
{
    // kind: "any" values in [-2, 2] away from 0 (kinks of abs/relu/sign), "pos" values in [0.5, 2.5].
    private static readonly Dictionary<string, (Func<Tensor[], Tensor> F, (long[] Shape, string Kind)[] Inputs)> Cases = new()
    {
        ["add"] = (x => x[0] + x[1], [([3, 4], "any"), ([3, 4], "any")]),
        ["sub_broadcast"] = (x => x[0] - x[1], [([3, 4], "any"), ([4], "any")]),
        ["mul"] = (x => x[0] * x[1], [([3, 4], "any"), ([3, 4], "any")]),
        ["div"] = (x => x[0] / x[1], [([3, 4], "any"), ([3, 4], "pos")]),
        ["pow"] = (x => x[0].Pow(x[1]), [([3, 4], "pos"), ([3, 4], "any")]),
        ["pow_scalar"] = (x => x[0].Pow(2.5), [([3, 4], "pos")]),
        ["rpow_scalar"] = (x => Tensor.Pow(1.7, x[0]), [([3, 4], "any")]),
        ["rsub_rdiv"] = (x => (2.0 - x[0]) + 3.0 / x[1], [([3, 4], "any"), ([3, 4], "pos")]),
        ["scalar_ops"] = (x => x[0] * 3.0 + 1 - x[0] / 4.0, [([3, 4], "any")]),
        ["maximum"] = (x => x[0].Maximum(x[1]), [([3, 4], "any"), ([3, 4], "any")]),
        ["minimum"] = (x => x[0].Minimum(x[1]), [([3, 4], "any"), ([3, 4], "any")]),
        ["atan2"] = (x => x[0].Atan2(x[1]), [([3, 4], "any"), ([3, 4], "pos")]),
        ["neg"] = (x => -x[0], [([3, 4], "any")]),
        ["abs"] = (x => x[0].Abs(), [([3, 4], "any")]),
        ["exp"] = (x => x[0].Exp(), [([3, 4], "any")]),
        ["log"] = (x => x[0].Log(), [([3, 4], "pos")]),
        ["log1p"] = (x => x[0].Log1p(), [([3, 4], "pos")]),
        ["expm1"] = (x => x[0].Expm1(), [([3, 4], "any")]),
        ["sqrt"] = (x => x[0].Sqrt(), [([3, 4], "pos")]),
        ["rsqrt"] = (x => x[0].Rsqrt(), [([3, 4], "pos")]),
        ["sin"] = (x => x[0].Sin(), [([3, 4], "any")]),
        ["cos"] = (x => x[0].Cos(), [([3, 4], "any")]),
        ["tanh"] = (x => x[0].Tanh(), [([3, 4], "any")]),
        ["sigmoid"] = (x => x[0].Sigmoid(), [([3, 4], "any")]),
        ["relu"] = (x => x[0].Relu(), [([3, 4], "any")]),
        ["reciprocal"] = (x => x[0].Reciprocal(), [([3, 4], "pos")]),
        ["square"] = (x => x[0].Square(), [([3, 4], "any")]),
        ["erf"] = (x => x[0].Erf(), [([3, 4], "any")]),
        ["silu"] = (x => x[0].Silu(), [([3, 4], "any")]),
        ["gelu"] = (x => x[0].Gelu(), [([3, 4], "any")]),
        ["clamp"] = (x => x[0].Clamp(-1.1, 1.3), [([3, 4], "any")]),
        ["sum"] = (x => x[0].Sum(), [([3, 4], "any")]),
        ["sum_dims_keep"] = (x => x[0].Sum([0, 2], keepDim: true), [([2, 3, 4], "any")]),
        ["mean_dim"] = (x => x[0].Mean(1), [([3, 4], "any")]),
        ["prod_dim"] = (x => x[0].Prod(1), [([3, 4], "any")]),
        ["max_all"] = (x => x[0].Max(), [([3, 4], "any")]),
        ["max_dim_values"] = (x => x[0].Max(1).Values, [([3, 4], "any")]),
        ["amin_dims"] = (x => x[0].Amin([0]), [([3, 4], "any")]),
        ["std"] = (x => x[0].Std([1]), [([3, 4], "any")]),
        ["var_all"] = (x => x[0].Var(), [([3, 4], "any")]),
        ["logsumexp"] = (x => x[0].LogSumExp(1), [([3, 4], "any")]),
        ["norm"] = (x => x[0].Norm(), [([3, 4], "any")]),
        ["norm_p1_dim"] = (x => x[0].Norm(1, [0]), [([3, 4], "any")]),
        ["matmul"] = (x => x[0].MatMul(x[1]), [([3, 4], "any"), ([4, 2], "any")]),
        ["matmul_batched"] = (x => x[0].MatMul(x[1]), [([2, 3, 4], "any"), ([2, 4, 2], "any")]),
        ["softmax"] = (x => x[0].Softmax(1), [([3, 4], "any")]),
        ["log_softmax"] = (x => x[0].LogSoftmax(0), [([3, 4], "any")]),
        ["view_reshape"] = (x => x[0].View(4, 3).T.Reshape(12), [([3, 4], "any")]),
        ["permute"] = (x => x[0].Permute(2, 0, 1) * Tensor.Arange(0, 24, 1, DType.Float64).View(4, 2, 3), [([2, 3, 4], "any")]),
        ["transpose_contiguous"] = (x => x[0].Transpose(0, 1).Contiguous(), [([3, 4], "any")]),
        ["squeeze_unsqueeze"] = (x => x[0].Squeeze().Unsqueeze(0), [([1, 3, 1], "any")]),
        ["flatten"] = (x => x[0].Flatten(1), [([2, 3, 4], "any")]),
        ["expand"] = (x => x[0].Expand(3, 4), [([3, 1], "any")]),
        ["clone"] = (x => x[0].Clone() * 2, [([3, 4], "any")]),
        ["slice_select"] = (x => x[0].Slice(1, 1, 4, 2) + x[0].Select(1, 2).Unsqueeze(1)[.., 0..1], [([3, 4], "any")]),
        ["indexer"] = (x => x[0][1, 1..3] * x[0][^1, TensorIndex.Ellipsis][..2], [([3, 4], "any")]),
        ["index_select"] = (x => x[0].IndexSelect(1, Tensor.From(new long[] { 3, 0, 3 })), [([3, 4], "any")]),
        ["gather"] = (x => x[0].Gather(1, Tensor.From(new long[] { 0, 3, 1, 1, 2, 2 }, 3, 2)), [([3, 4], "any")]),
        ["mask_index"] = (x => x[0][x[0] > 0.0], [([3, 4], "any")]),
        ["masked_fill"] = (x => x[0].MaskedFill(x[0] > 0.5, 0.25), [([3, 4], "any")]),
        ["masked_select"] = (x => x[0].MaskedSelect(x[0] < 0.0), [([3, 4], "any")]),
        ["where"] = (x => Tensor.Where(x[0] > x[1], x[0] * 2, x[1]), [([3, 4], "any"), ([3, 4], "any")]),
        ["cat"] = (x => Tensor.Cat([x[0], x[1]], 1), [([3, 4], "any"), ([3, 2], "any")]),
        ["stack"] = (x => Tensor.Stack([x[0], x[1]], 1), [([3, 4], "any"), ([3, 4], "any")]),
        ["conv2d"] = (x => F.Conv2d(x[0], x[1], x[2], stride: (2, 1), padding: (1, 1)), [([1, 2, 5, 5], "any"), ([3, 2, 3, 3], "any"), ([3], "any")]),
        ["conv2d_groups_dilation"] = (x => F.Conv2d(x[0], x[1], dilation: (2, 2), groups: 2), [([1, 4, 6, 6], "any"), ([2, 2, 2, 2], "any")]),
        ["max_pool2d"] = (x => F.MaxPool2d(x[0], (2, 2)), [([1, 2, 4, 4], "any")]),
        ["linear"] = (x => F.Linear(x[0], x[1], x[2]), [([5, 4], "any"), ([3, 4], "any"), ([3], "any")]),
        ["cross_entropy"] = (x => F.CrossEntropy(x[0], Tensor.From(new long[] { 0, 2, 1, 2 }), labelSmoothing: 0.1), [([4, 3], "any")]),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_MatchesFiniteDifferences(string name)
    {
        using var scope = LibTorch.NewScope();
        var (f, specs) = Cases[name];
        using var gen = new Generator((ulong)name.GetHashCode(StringComparison.Ordinal) & 0xffff);
        Tensor[] inputs = specs.Select(s => Input(s.Shape, s.Kind, gen)).ToArray();
        GradCheck.Assert(name, f, inputs);
    }

    [Fact]
    public void Backward_AccumulatesUntilCleared()
    {
        using var scope = LibTorch.NewScope();
        Tensor x = Tensor.From(new double[] { 1, 2, 3 }).WithRequiresGrad();
        Assert.True(x.IsLeaf);
        Assert.Null(x.Grad);
        (x * x).Sum().Backward();
        (x * x).Sum().Backward();
        Assert.Equal(new double[] { 4, 8, 12 }, x.Grad!.ToArray<double>());
        x.ClearGrad();
        Assert.Null(x.Grad);
    }

    [Fact]
    public void NoGrad_StopsRecording_AndRestoresTheMode()
    {
        using var scope = LibTorch.NewScope();
        Tensor x = Tensor.Ones(2).WithRequiresGrad();
        using (LibTorch.NoGrad())
        {
            Assert.False(LibTorch.IsGradEnabled);
            Assert.False((x * 2).RequiresGrad);
            using (LibTorch.EnableGrad()) Assert.True((x * 2).RequiresGrad);
            Assert.False(LibTorch.IsGradEnabled);
        }
        Assert.True(LibTorch.IsGradEnabled);
        Assert.True((x * 2).RequiresGrad);
    }

    [Fact]
    public void Detach_CutsTheGraph()
    {
        using var scope = LibTorch.NewScope();
        Tensor x = Tensor.Ones(2).WithRequiresGrad();
        Tensor y = (x * 3).Detach();
        Assert.False(y.RequiresGrad);
        ((x * 2).Sum() + (y * x).Sum()).Backward();
        Assert.Equal(new float[] { 5, 5 }, x.Grad!.ToArray<float>());
    }

    [Fact]
    public void Backward_WithExplicitGradient_AndRetainedGraph()
    {
        using var scope = LibTorch.NewScope();
        Tensor x = Tensor.From(new double[] { 1, 2 }).WithRequiresGrad();
        Tensor y = x * x;
        y.Backward(Tensor.From(new double[] { 1, 10 }), retainGraph: true);
        Assert.Equal(new double[] { 2, 40 }, x.Grad!.ToArray<double>());
        y.Backward(Tensor.From(new double[] { 1, 1 }));
        Assert.Equal(new double[] { 4, 44 }, x.Grad!.ToArray<double>());
    }

    private static Tensor Input(long[] shape, string kind, Generator gen)
    {
        using var scope = LibTorch.NewScope();
        Tensor u = Tensor.Rand(shape, gen, DType.Float64);
        Tensor t = kind == "pos"
            ? u * 2 + 0.5
            // Values in ±[0.2, 2]: no element sits on a kink (abs, relu, sign) or a tie (max, where).
            : (u * 1.8 + 0.2) * (Tensor.Rand(shape, gen, DType.Float64) > 0.5).To(DType.Float64).MulInPlace(2).SubInPlace(1);
        return t.Detach().MoveToOuter().WithRequiresGrad();
    }
}
