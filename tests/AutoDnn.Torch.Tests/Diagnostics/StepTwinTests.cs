using AutoDnn.Torch.Diagnostics;
using AutoDnn.Torch.Nn;
using AutoDnn.Torch.Optim;
using AutoDnn.Torch.Tests.Support;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Torch.Tests.Diagnostics;

/// <summary>
/// The binding adds no work to a training step: the managed twins of the step benchmark dispatch exactly the operators,
/// as many times, as cpp_floor.cpp's C++ loop compiled into the shim (<see cref="StepFloor"/>).
/// </summary>
[Collection(GlobalRandomCollection.Name)]
public class StepTwinTests
{
    [Theory]
    [InlineData("cnn", false)]
    [InlineData("cnn", true)]
    [InlineData("lstm", true)]
    public void ManagedStepRunsExactlyTheOpsOfTheCppLoop(string model, bool handWritten)
    {
        // Step 3 of each: the first step also creates Adam's state.
        var (net, xs, ys) = StepTwins.Create(model, handWritten);
        using (net)
        using (var adam = new Adam(net.Parameters(), lr: 1e-3))
        {
            void Step(int step)
            {
                using var scope = LibTorch.NewScope();
                Tensor loss = F.CrossEntropy(net.Forward(xs[step].Clone()), ys[step].Clone());
                adam.ZeroGrad(setToNone: false);
                loss.Backward();
                adam.Step();
                loss.Item();
            }

            Step(0);
            Step(1);
            SortedDictionary<string, long> managed;
            using (var counter = new OpCounter())
            {
                Step(2);
                managed = counter.Stop();
            }

            // libtorch's C++ Linear calls aten::addmm itself; ours goes through aten::linear, which calls it
            // (as Python's nn.Linear does): one dispatcher hop more per Linear layer, and no other difference.
            var cpp = CountCppStep(model);
            int linears = net.NamedModules().Count(m => m.Module is Linear);
            cpp["aten::linear"] = cpp.GetValueOrDefault("aten::linear") + linears;
            AssertSameOps(cpp, managed);
        }
        foreach (Tensor t in xs.Concat(ys)) t.Dispose();
    }

    [Fact]
    public void CountsArePerOperatorAndStopEndsCounting()
    {
        using var scope = LibTorch.NewScope();
        Tensor a = Tensor.Rand(3);
        SortedDictionary<string, long> counts;
        using (var counter = new OpCounter())
        {
            _ = a + a;
            _ = (a * 2.0).Relu();
            counts = counter.Stop();
            Assert.Throws<InvalidOperationException>(() => counter.Stop());
        }
        Assert.Equal(1, counts["aten::add"]);
        Assert.Equal(1, counts["aten::mul"]);
        Assert.Equal(1, counts["aten::relu"]);
        _ = a + a;
        using var next = new OpCounter();
        Assert.Throws<TorchException>(() => new OpCounter());
        Assert.Empty(next.Stop());
    }

    [Fact]
    public void FloorRejectsUnknownModelsAndUseAfterDispose()
    {
        Assert.Throws<ArgumentException>(() => new StepFloor("gru"));
        var floor = new StepFloor("cnn");
        Assert.True(floor.Step() > 0);
        floor.Dispose();
        Assert.Throws<ObjectDisposedException>(() => floor.Step());
    }

    private static SortedDictionary<string, long> CountCppStep(string model)
    {
        using var floor = new StepFloor(model);
        floor.Step();
        floor.Step();
        using var counter = new OpCounter();
        floor.Step();
        return counter.Stop();
    }

    private static void AssertSameOps(SortedDictionary<string, long> expected, SortedDictionary<string, long> actual)
    {
        var differences = expected.Keys.Union(actual.Keys)
            .Where(op => expected.GetValueOrDefault(op) != actual.GetValueOrDefault(op))
            .Select(op => $"{op}: C++ {expected.GetValueOrDefault(op)}, managed {actual.GetValueOrDefault(op)}")
            .ToList();
        Assert.True(differences.Count == 0, "operators differ:\n" + string.Join("\n", differences));
        Assert.True(expected.Values.Sum() > 100, $"too few operators counted ({expected.Values.Sum()})");
    }
}
