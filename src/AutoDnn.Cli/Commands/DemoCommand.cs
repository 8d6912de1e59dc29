using System.CommandLine;
using System.Diagnostics;
using AutoDnn.Torch;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Cli.Commands;

/// <summary>
/// <c>autodnn demo</c>: trains a LeNet-style CNN on a synthetic batch (which quadrant of a 28×28 image holds a
/// bright square) with plain SGD written on the tensor core, printing the loss as it falls.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var steps = new Option<int>("--steps") { Description = "Training steps.", DefaultValueFactory = _ => 60 };
        var seed = new Option<ulong>("--seed") { Description = "Seed for data and weights.", DefaultValueFactory = _ => 0 };
        var command = new Command("demo", "Train a small CNN on a synthetic batch and print the loss falling.") { steps, seed };
        command.SetAction(r => Run(r.GetValue(steps), r.GetValue(seed)));
        return command;
    }

    private static int Run(int steps, ulong seed)
    {
        Console.WriteLine($"libtorch {LibTorch.Version}, {LibTorch.Threads} thread(s); LeNet-style CNN, batch 64, SGD(lr=0.01, momentum=0.9)");
        using var gen = new Generator(seed);
        var (x, y) = QuadrantBatch(64, gen);
        // Conv(1→8, 5×5) ReLU MaxPool2, Conv(8→16, 5×5) ReLU MaxPool2, Linear(256→64) ReLU, Linear(64→4)
        Tensor[] parameters =
        [
            Uniform([8, 1, 5, 5], 25, gen), Uniform([8], 25, gen),
            Uniform([16, 8, 5, 5], 200, gen), Uniform([16], 200, gen),
            Uniform([64, 256], 256, gen), Uniform([64], 256, gen),
            Uniform([4, 64], 64, gen), Uniform([4], 64, gen),
        ];
        Tensor[] velocity = parameters.Select(p => Tensor.ZerosLike(p).DetachFromScope()).ToArray();
        var clock = Stopwatch.StartNew();
        double first = double.NaN, last = double.NaN;
        for (int step = 1; step <= steps; step++)
        {
            using var scope = LibTorch.NewScope();
            Tensor h = F.MaxPool2d(F.Conv2d(x, parameters[0], parameters[1]).Relu(), (2, 2));
            h = F.MaxPool2d(F.Conv2d(h, parameters[2], parameters[3]).Relu(), (2, 2));
            h = F.Linear(h.Flatten(1), parameters[4], parameters[5]).Relu();
            Tensor loss = F.CrossEntropy(F.Linear(h, parameters[6], parameters[7]), y);
            foreach (Tensor p in parameters) p.ClearGrad();
            loss.Backward();
            using (LibTorch.NoGrad())
                for (int i = 0; i < parameters.Length; i++)
                {
                    velocity[i].MulInPlace(0.9).AddInPlace(parameters[i].Grad!);
                    parameters[i].SubInPlace(velocity[i] * 0.01);
                }
            last = loss.Item();
            if (step == 1) first = last;
            if (step == 1 || step % 10 == 0 || step == steps)
                Console.WriteLine($"step {step,4}  loss {last:F4}");
        }
        Console.WriteLine($"loss {first:F4} -> {last:F4} in {clock.Elapsed.TotalSeconds:F1} s ({clock.Elapsed.TotalMilliseconds / steps:F1} ms/step)");
        foreach (Tensor t in parameters.Concat(velocity)) t.Dispose();
        x.Dispose();
        y.Dispose();
        return last < first ? 0 : 1;
    }

    // PyTorch's default layer init: U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
    private static Tensor Uniform(long[] shape, long fanIn, Generator gen)
    {
        using var scope = LibTorch.NewScope();
        double bound = 1 / Math.Sqrt(fanIn);
        return ((Tensor.Rand(shape, gen) * 2 - 1) * bound).MoveToOuter().WithRequiresGrad();
    }

    private static (Tensor X, Tensor Y) QuadrantBatch(int n, Generator gen)
    {
        using var scope = LibTorch.NewScope();
        Tensor labels = Tensor.RandInt(0, 4, [n], gen);
        Tensor images = Tensor.Randn([n, 1, 28, 28], gen) * 1.0;
        long[] quadrant = labels.ToArray<long>();
        for (int i = 0; i < n; i++)
        {
            long top = quadrant[i] / 2 * 14 + 3, left = quadrant[i] % 2 * 14 + 3;
            images.Assign([i, 0, TensorIndex.Slice(top, top + 8), TensorIndex.Slice(left, left + 8)], 1.0);
        }
        return (images.MoveToOuter(), labels.MoveToOuter());
    }
}
