using AutoDnn.Torch.Tests.Support;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Torch.Tests;

/// <summary>Every op of the binding against python3-torch's output for the same inputs.</summary>
public class TensorFixtureTests
{
    // The same names as tools/make_tensor_fixtures.py; a fixture without an entry here fails the coverage test.
    private static readonly Dictionary<string, Func<Tensor[], Tensor>> Ops = new()
    {
        ["add"] = x => x[0] + x[1],
        ["sub"] = x => x[0] - x[1],
        ["mul"] = x => x[0] * x[1],
        ["div"] = x => x[0] / x[1],
        ["pow"] = x => x[0].Pow(x[1]),
        ["maximum"] = x => x[0].Maximum(x[1]),
        ["minimum"] = x => x[0].Minimum(x[1]),
        ["atan2"] = x => x[0].Atan2(x[1]),
        ["broadcast_add"] = x => x[0] + x[1],
        ["add_scalar"] = x => x[0] + 2.5,
        ["rsub_scalar"] = x => 2.5 - x[0],
        ["rdiv_scalar"] = x => 2.0 / x[0],
        ["rpow_scalar"] = x => Tensor.Pow(2.0, x[0]),
        ["pow_scalar"] = x => x[0].Pow(3),
        ["int_mul_int"] = x => x[0] * 3,
        ["int_div_int"] = x => x[0] / 2,
        ["int_mul_float"] = x => x[0] * 2.5,
        ["int_remainder"] = x => x[0] % 4,
        ["eq"] = x => x[0].Eq(x[1]),
        ["lt"] = x => x[0] < x[1],
        ["ge_scalar"] = x => x[0] >= 0.5,
        ["logical_and"] = x => (x[0] > 0.0) & (x[1] > 0.0),
        ["neg"] = x => -x[0],
        ["abs"] = x => x[0].Abs(),
        ["exp"] = x => x[0].Exp(),
        ["sin"] = x => x[0].Sin(),
        ["cos"] = x => x[0].Cos(),
        ["tanh"] = x => x[0].Tanh(),
        ["sigmoid"] = x => x[0].Sigmoid(),
        ["relu"] = x => x[0].Relu(),
        ["floor"] = x => x[0].Floor(),
        ["ceil"] = x => x[0].Ceil(),
        ["round"] = x => x[0].Round(),
        ["sign"] = x => x[0].Sign(),
        ["square"] = x => x[0].Square(),
        ["erf"] = x => x[0].Erf(),
        ["expm1"] = x => x[0].Expm1(),
        ["log"] = x => x[0].Log(),
        ["log1p"] = x => x[0].Log1p(),
        ["sqrt"] = x => x[0].Sqrt(),
        ["rsqrt"] = x => x[0].Rsqrt(),
        ["reciprocal"] = x => x[0].Reciprocal(),
        ["silu"] = x => x[0].Silu(),
        ["gelu"] = x => x[0].Gelu(),
        ["clamp"] = x => x[0].Clamp(-0.5, 1.0),
        ["clamp_min"] = x => x[0].Clamp(min: 0.25),
        ["isnan"] = x => (x[0] / x[0]).IsNan(),
        ["sum"] = x => x[0].Sum(),
        ["sum_dim1_keep"] = x => x[0].Sum(1, keepDim: true),
        ["sum_dims"] = x => x[0].Sum([0, 2]),
        ["mean_dim0"] = x => x[0].Mean(0),
        ["prod_dim1"] = x => x[0].Prod(1),
        ["max_all"] = x => x[0].Max(),
        ["max_dim1_values"] = x => x[0].Max(1).Values,
        ["max_dim1_indices"] = x => x[0].Max(1).Indices,
        ["argmax_dim1"] = x => x[0].ArgMax(1),
        ["argmin_all"] = x => x[0].ArgMin(),
        ["std_dim1"] = x => x[0].Std([1]),
        ["var_all_biased"] = x => x[0].Var(correction: 0),
        ["logsumexp_dim1"] = x => x[0].LogSumExp(1),
        ["norm_all"] = x => x[0].Norm(),
        ["norm_p1_dim0"] = x => x[0].Norm(1, [0]),
        ["all_dim1"] = x => (x[0] > -1.5).All(1),
        ["any"] = x => (x[0] > 1.9).Any(),
        ["matmul_2d"] = x => x[0].MatMul(x[1]),
        ["matmul_batched"] = x => x[0].MatMul(x[1]),
        ["matmul_vec"] = x => x[0].MatMul(x[1]),
        ["softmax_dim1"] = x => x[0].Softmax(1),
        ["log_softmax_dim0"] = x => x[0].LogSoftmax(0),
        ["view"] = x => x[0].View(2, 6),
        ["reshape_transposed"] = x => x[0].T.Reshape(12),
        ["permute"] = x => x[0].Permute(2, 0, 1),
        ["transpose_contiguous"] = x => x[0].Transpose(0, 1).Contiguous(),
        ["squeeze"] = x => x[0].Squeeze(),
        ["unsqueeze"] = x => x[0].Unsqueeze(1),
        ["flatten_1"] = x => x[0].Flatten(1),
        ["expand"] = x => x[0].Expand(3, 4),
        ["select"] = x => x[0].Select(1, 2),
        ["slice_step"] = x => x[0][.., TensorIndex.Slice(1, 4, 2)],
        ["index_select"] = x => x[0].IndexSelect(1, x[1]),
        ["gather"] = x => x[0].Gather(1, x[1]),
        ["masked_fill"] = x => x[0].MaskedFill(x[0] > 0.0, -1.0),
        ["masked_select"] = x => x[0].MaskedSelect(x[0] > 0.0),
        ["where"] = x => Tensor.Where(x[0] > x[1], x[0], x[1]),
        ["cat_dim1"] = x => Tensor.Cat([x[0], x[1]], 1),
        ["stack_dim0"] = x => Tensor.Stack([x[0], x[1]], 0),
        ["getitem_int_slice"] = x => x[0][1, 1..3],
        ["getitem_ellipsis"] = x => x[0][TensorIndex.Ellipsis, 0],
        ["getitem_newaxis"] = x => x[0][.., TensorIndex.NewAxis],
        ["getitem_negative"] = x => x[0][-1, ^3..],
        ["getitem_mask"] = x => x[0][x[0] > 0.5],
        ["getitem_index_tensor"] = x => x[0][.., x[1]],
        ["conv2d"] = x => F.Conv2d(x[0], x[1], x[2], stride: (2, 2), padding: (1, 1)),
        ["conv2d_groups_dilation"] = x => F.Conv2d(x[0], x[1], padding: (2, 2), dilation: (2, 2), groups: 2),
        ["max_pool2d"] = x => F.MaxPool2d(x[0], (2, 2)),
        ["max_pool2d_stride_pad"] = x => F.MaxPool2d(x[0], (3, 3), stride: (2, 2), padding: (1, 1)),
        ["linear"] = x => F.Linear(x[0], x[1], x[2]),
        ["cross_entropy"] = x => F.CrossEntropy(x[0], x[1]),
        ["cross_entropy_options"] = x => F.CrossEntropy(x[0], x[1], x[2], ignoreIndex: 1, labelSmoothing: 0.1),
    };

    public static TheoryData<string> Cases => new(TensorFixtures.CaseNames);

    public static TheoryData<string> RandomCases => new(TensorFixtures.RandomNames);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Op_MatchesPyTorch(string name)
    {
        using var scope = LibTorch.NewScope();
        var (inputs, expected) = TensorFixtures.Case(name);
        Assert.True(Ops.ContainsKey(name), $"fixture '{name}' has no C# counterpart in {nameof(TensorFixtureTests)}");
        TensorFixtures.AssertMatches(expected, Ops[name](inputs), name);
    }

    [Fact]
    public void EveryMappedOp_HasAFixture()
    {
        Assert.Empty(Ops.Keys.Except(TensorFixtures.CaseNames));
    }

    [Fact]
    public void SeededDraws_EqualPyTorchs()
    {
        using var scope = LibTorch.NewScope();
        LibTorch.ManualSeed(42);
        TensorFixtures.AssertMatches(TensorFixtures.RandomCase("manual_seed_42_rand_5"), Tensor.Rand(5), "rand", 0);
        TensorFixtures.AssertMatches(TensorFixtures.RandomCase("then_randn_2x3"), Tensor.Randn(2, 3), "randn", 0);
        TensorFixtures.AssertMatches(TensorFixtures.RandomCase("then_randint_0_10_6"), Tensor.RandInt(0, 10, [6]), "randint", 0);
        TensorFixtures.AssertMatches(TensorFixtures.RandomCase("then_randperm_8"), Tensor.RandPerm(8), "randperm", 0);
        using var g = new Generator(7);
        TensorFixtures.AssertMatches(TensorFixtures.RandomCase("generator_7_rand_4"), Tensor.Rand([4], g), "generator rand", 0);
        TensorFixtures.AssertMatches(TensorFixtures.RandomCase("generator_7_then_randn_3"), Tensor.Randn([3], g), "generator randn", 0);
    }
}
