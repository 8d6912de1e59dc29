using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;
using AutoDnn.Training.Data;
using AutoDnn.Training.Tests.Supervised;

namespace AutoDnn.Training.Tests.Data;

public sealed class BatchProducerTests
{
    [Fact]
    public void The_producer_thread_yields_exactly_the_batches_of_the_synchronous_path()
    {
        using var source = new SyntheticBlobs(trainCount: 103);
        using ExampleTensors data = ExampleTensors.Load(source.Train, source.InputShape, 3, "train");
        IBatchTransform[] noise = [new GaussianNoise.Transform(0.5)];
        int[] order = Enumerable.Range(0, 103).Reverse().ToArray();

        var sync = Collect(new BatchProducer(data, 16, noise, prefetch: 0, Device.Cpu), order, seed: 9);
        var async = Collect(new BatchProducer(data, 16, noise, prefetch: 3, Device.Cpu), order, seed: 9);
        var reseeded = Collect(new BatchProducer(data, 16, noise, prefetch: 3, Device.Cpu), order, seed: 10);

        Assert.Equal(7, sync.Count);
        Assert.Equal(sync.Select(b => b.Indices), async.Select(b => b.Indices));
        Assert.Equal(order, sync.SelectMany(b => b.Indices));
        Assert.Equal(sync.Select(b => b.Inputs), async.Select(b => b.Inputs));
        Assert.Equal(sync.Select(b => b.Labels), async.Select(b => b.Labels));
        Assert.NotEqual(sync[0].Inputs, reseeded[0].Inputs);
        Assert.Equal(sync.SelectMany(b => b.Labels), order.Select(i => (long)data.Labels[i]));
    }

    [Fact]
    public void A_lone_last_example_is_dropped_and_stopping_early_frees_the_queue()
    {
        using var source = new SyntheticBlobs(trainCount: 33);
        using ExampleTensors data = ExampleTensors.Load(source.Train, source.InputShape, 3, "train");
        var producer = new BatchProducer(data, 8, [], prefetch: 2, Device.Cpu);
        int[] order = Enumerable.Range(0, 33).ToArray();

        Assert.Equal(4, producer.BatchCount(33));
        Assert.Equal(4, Collect(producer, order, 0).Count);
        foreach (Batch batch in producer.Epoch(order, 0))
        {
            batch.Dispose();
            break;
        }
        Assert.Equal(5, new BatchProducer(data, 8, [], 0, Device.Cpu).BatchCount(34));
        Assert.Equal(1, new BatchProducer(data, 64, [], 0, Device.Cpu).BatchCount(1));
    }

    [Fact]
    public void A_failing_augmentation_reaches_the_consumer()
    {
        using var source = new SyntheticBlobs(trainCount: 40);
        using ExampleTensors data = ExampleTensors.Load(source.Train, source.InputShape, 3, "train");
        var producer = new BatchProducer(data, 8, [new Failing()], prefetch: 2, Device.Cpu);

        var e = Assert.Throws<InvalidOperationException>(() => Collect(producer, Enumerable.Range(0, 40).ToArray(), 0));
        Assert.Equal("augmentation broke", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => producer.Epoch([0, 40], 0));
    }

    private static List<(int[] Indices, float[] Inputs, long[] Labels)> Collect(BatchProducer producer, int[] order, ulong seed)
    {
        var batches = new List<(int[], float[], long[])>();
        foreach (Batch batch in producer.Epoch(order, seed))
            using (batch)
                batches.Add((batch.Indices.ToArray(), batch.Inputs.ToArray<float>(), batch.Labels.ToArray<long>()));
        return batches;
    }

    private sealed class Failing : IBatchTransform
    {
        public Tensor Apply(Tensor batch, Generator generator) => throw new InvalidOperationException("augmentation broke");
    }
}
