using System.CommandLine;
using System.Diagnostics;
using System.Text;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Cli.Campaigns;
using AutoDnn.Torch;
using AutoDnn.Torch.Diagnostics;
using AutoDnn.Torch.Optim;
using AutoDnn.Training.Data;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Cli.Bench;

/// <summary>
/// <c>autodnn bench producer</c>: the training-step time of the small CNN of <c>bench step</c> on synthetic 1×28×28
/// images fed by the trainer's <see cref="BatchProducer"/>, with and without an augmentation chain (random flip,
/// random shift, Gaussian noise), with the background producer on and off. The goal: augmentation costs the step
/// under 10% when the producer prepares batches ahead.
/// </summary>
internal static class ProducerBenchmark
{
    private const int BatchSize = 64;
    private const int Warmup = 15;

    public static Command Create()
    {
        var threads = new Option<int>("--threads") { Description = "libtorch intra-op threads for training.", DefaultValueFactory = _ => 1 };
        var steps = new Option<int>("--steps") { Description = "Timed training steps per configuration and round.", DefaultValueFactory = _ => 100 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds; each configuration's best round is reported.", DefaultValueFactory = _ => 3 };
        var prefetch = new Option<int>("--prefetch") { Description = "Batches the producer prepares ahead.", DefaultValueFactory = _ => 2 };
        var output = new Option<FileInfo?>("--output") { Description = "Also write the table (Markdown) to this file." };
        var command = new Command("producer", "CNN step time with vs without augmentation, producer thread on and off.")
        {
            threads, steps, rounds, prefetch, output,
        };
        command.SetAction(r => CampaignCommandSupport.Guard(() => Run(r.GetValue(threads), r.GetValue(steps), r.GetValue(rounds), r.GetValue(prefetch), r.GetValue(output))));
        return command;
    }

    public static int Run(int threads, int steps, int rounds, int prefetch, FileInfo? output)
    {
        if (threads < 1 || steps < 1 || rounds < 1 || prefetch < 1)
            throw new ArgumentException($"bench producer: --threads, --steps, --rounds and --prefetch must be at least 1 (got {threads}, {steps}, {rounds}, {prefetch})");
        LibTorch.Threads = threads;
        int examples = (steps + Warmup) * BatchSize;
        using ExampleTensors data = ExampleTensors.Load(new SyntheticImages(examples), [1, 28, 28], 10, "synthetic");
        IBatchTransform[] chain = [new RandomFlip(0.5), new RandomShift(2), new GaussianNoise(0.1)];
        (string Name, IBatchTransform[] Transforms, int Prefetch)[] configurations =
        [
            ("no augmentation, producer on", [], prefetch),
            ("augmentation, producer on", chain, prefetch),
            ("no augmentation, producer off", [], 0),
            ("augmentation, producer off", chain, 0),
        ];
        var best = configurations.Select(_ => double.MaxValue).ToArray();
        Console.WriteLine(FormattableString.Invariant($"libtorch {LibTorch.Version}, {threads} training thread(s), CNN batch {BatchSize}, {steps} timed steps after {Warmup} warm-up, {rounds} round(s)"));
        for (int r = 0; r < rounds; r++)
        {
            for (int c = 0; c < configurations.Length; c++)
            {
                double ms = Measure(data, configurations[c].Transforms, configurations[c].Prefetch, steps);
                best[c] = Math.Min(best[c], ms);
                Console.WriteLine(FormattableString.Invariant($"round {r + 1}: {configurations[c].Name,-30} {ms,7:F2} ms/step"));
            }
        }

        // What the producer hides: preparing the batches alone, on the calling thread.
        double plain = double.MaxValue, augmented = double.MaxValue;
        for (int r = 0; r < rounds; r++)
        {
            plain = Math.Min(plain, MeasureData(data, [], steps));
            augmented = Math.Min(augmented, MeasureData(data, chain, steps));
        }

        var table = new StringBuilder();
        table.AppendLine("| configuration | ms/step | vs no augmentation, producer on |");
        table.AppendLine("|---|---:|---:|");
        for (int c = 0; c < configurations.Length; c++)
            table.AppendLine(FormattableString.Invariant($"| {configurations[c].Name} | {best[c]:F2} | {best[c] / best[0]:F3} |"));
        table.AppendLine(FormattableString.Invariant($"| batch preparation alone, no augmentation | {plain:F2} | |"));
        table.AppendLine(FormattableString.Invariant($"| batch preparation alone, augmentation | {augmented:F2} | |"));
        Console.Write(table);
        double ratio = best[1] / best[0];
        Console.WriteLine(FormattableString.Invariant($"augmentation / no augmentation with the producer: {ratio:F3} ({(ratio <= 1.10 ? "goal met: within 10%" : "goal missed: over 10%")})"));
        if (output is not null)
        {
            output.Directory?.Create();
            File.WriteAllText(output.FullName, table.ToString());
        }
        return 0;
    }

    // Mean ms per step over the timed steps, data waits included: what a trainer sees.
    private static double Measure(ExampleTensors data, IBatchTransform[] transforms, int prefetch, int steps)
    {
        LibTorch.ManualSeed(0);
        using var net = new StepTwins.Cnn();
        using var optimizer = new Adam(net.Parameters(), lr: 1e-3);
        var producer = new BatchProducer(data, BatchSize, transforms, prefetch, Device.Cpu);
        int[] order = Enumerable.Range(0, data.Count).ToArray();
        new Random(1).Shuffle(order);
        int step = 0;
        long start = 0;
        foreach (Batch batch in producer.Epoch(order, augmentationSeed: 7))
        {
            using (batch)
            {
                using var scope = LibTorch.NewScope();
                Tensor loss = F.CrossEntropy(net.Forward(batch.Inputs), batch.Labels);
                optimizer.ZeroGrad();
                loss.Backward();
                optimizer.Step();
                loss.Item();
            }
            if (++step == Warmup) start = Stopwatch.GetTimestamp();
        }
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / (step - Warmup);
    }

    // Mean ms per batch to index_select (and augment) without training.
    private static double MeasureData(ExampleTensors data, IBatchTransform[] transforms, int steps)
    {
        var producer = new BatchProducer(data, BatchSize, transforms, prefetch: 0, Device.Cpu);
        int[] order = Enumerable.Range(0, data.Count).ToArray();
        new Random(1).Shuffle(order);
        int step = 0;
        long start = 0;
        foreach (Batch batch in producer.Epoch(order, augmentationSeed: 7))
        {
            using (LibTorch.NewScope()) batch.Inputs.Sum().Item();
            batch.Dispose();
            if (++step == Warmup) start = Stopwatch.GetTimestamp();
        }
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / (step - Warmup);
    }

    /// <summary>Uniform noise images with random labels, made on demand (the benchmark times steps, not learning).</summary>
    private sealed class SyntheticImages(int count) : IExampleSet
    {
        public int Count => count;

        public Example Get(int index)
        {
            using var generator = new Generator((ulong)index);
            return new Example(Tensor.Rand([1, 28, 28], generator) * 2.0 - 1.0, index % 10);
        }
    }

    /// <summary>Mirrors each image left-right with probability p.</summary>
    private sealed class RandomFlip(double p) : IBatchTransform
    {
        public Tensor Apply(Tensor batch, Generator generator)
        {
            long width = batch.Size(-1);
            Tensor flipped = batch.IndexSelect(batch.Dim - 1, Tensor.Arange(width - 1, -1, -1));
            Tensor mask = Tensor.Rand([batch.Size(0), 1, 1, 1], generator).Lt(p);
            return Tensor.Where(mask, flipped, batch);
        }
    }

    /// <summary>Shifts the batch by up to ±max pixels in each direction, filling with zeros.</summary>
    private sealed class RandomShift(int max) : IBatchTransform
    {
        public Tensor Apply(Tensor batch, Generator generator)
        {
            long[] shift = Tensor.RandInt(-max, max + 1, [2], generator).ToArray<long>();
            return Shift(Shift(batch, batch.Dim - 2, shift[0]), batch.Dim - 1, shift[1]);
        }

        private static Tensor Shift(Tensor x, int dim, long by)
        {
            if (by == 0) return x;
            long size = x.Size(dim);
            long[] padShape = x.Shape;
            padShape[dim] = Math.Abs(by);
            Tensor pad = Tensor.Zeros(padShape, x.DType);
            return by > 0 ? Tensor.Cat([pad, x.Narrow(dim, 0, size - by)], dim) : Tensor.Cat([x.Narrow(dim, -by, size + by), pad], dim);
        }
    }

    /// <summary>Adds N(0, std²) noise.</summary>
    private sealed class GaussianNoise(double std) : IBatchTransform
    {
        public Tensor Apply(Tensor batch, Generator generator) => batch + Tensor.Randn(batch.Shape, generator) * std;
    }
}
