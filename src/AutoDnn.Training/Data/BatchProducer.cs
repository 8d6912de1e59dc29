using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Training.Data;

/// <summary>
/// Cuts an epoch's example order into mini-batches (<c>index_select</c> on materialized tensors, then the augmentation
/// chain), either on the caller's thread or on a background producer thread that keeps a small bounded queue full,
/// so the model does not wait for data. Both paths yield exactly the same batches for the same order and seed.
/// </summary>
/// <remarks>
/// Batch tensors are created in the producer's own <see cref="DisposeScope"/>, detached from it, and handed over; the
/// consumer disposes every <see cref="Batch"/> it receives. Batches still queued when the consumer stops early are
/// disposed by the enumerator. A final batch of a single example is dropped when the epoch has other batches
/// (batch normalisation cannot train on one example).
/// </remarks>
public sealed class BatchProducer
{
    private readonly ExampleTensors data;
    private readonly IReadOnlyList<IBatchTransform> transforms;

    /// <summary>Creates a producer over <paramref name="data"/>.</summary>
    /// <param name="data">The materialized examples.</param>
    /// <param name="batchSize">Examples per batch (≥ 1).</param>
    /// <param name="transforms">Augmentations applied in order to every batch (none for evaluation).</param>
    /// <param name="prefetch">Batches prepared ahead on a background thread; 0 prepares each batch on the caller's thread.</param>
    /// <param name="device">Where batches are delivered.</param>
    public BatchProducer(ExampleTensors data, int batchSize, IReadOnlyList<IBatchTransform> transforms, int prefetch, Device device)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(transforms);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(prefetch);
        this.data = data;
        this.transforms = transforms;
        BatchSize = batchSize;
        Prefetch = prefetch;
        Device = device;
    }

    public int BatchSize { get; }

    public int Prefetch { get; }

    public Device Device { get; }

    /// <summary>Number of batches an epoch over <paramref name="exampleCount"/> examples yields.</summary>
    public int BatchCount(int exampleCount)
    {
        int full = exampleCount / BatchSize, rest = exampleCount % BatchSize;
        return rest == 0 ? full : rest == 1 && full > 0 ? full : full + 1;
    }

    /// <summary>
    /// The batches of one epoch in <paramref name="order"/> (indices into the materialized set); augmentation randomness
    /// comes from a generator seeded with <paramref name="augmentationSeed"/>, used in batch order.
    /// </summary>
    public IEnumerable<Batch> Epoch(IReadOnlyList<int> order, ulong augmentationSeed)
    {
        ArgumentNullException.ThrowIfNull(order);
        foreach (int i in order)
            if ((uint)i >= (uint)data.Count)
                throw new ArgumentOutOfRangeException(nameof(order), $"example index {i} is outside 0..{data.Count - 1}");
        return Prefetch == 0 ? Synchronous(order, augmentationSeed) : Prefetched(order, augmentationSeed);
    }

    private IEnumerable<Batch> Synchronous(IReadOnlyList<int> order, ulong seed)
    {
        using var generator = new Generator(seed);
        int batches = BatchCount(order.Count);
        for (int b = 0; b < batches; b++)
        {
            Batch batch;
            using (LibTorch.NoGrad()) batch = Build(order, b, generator);
            yield return batch;
        }
    }

    private IEnumerable<Batch> Prefetched(IReadOnlyList<int> order, ulong seed)
    {
        using var queue = new BlockingCollection<Batch>(Prefetch);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var noGrad = LibTorch.NoGrad();
                using var generator = new Generator(seed);
                int batches = BatchCount(order.Count);
                for (int b = 0; b < batches && !stop.IsCancellationRequested; b++)
                {
                    Batch batch = Build(order, b, generator);
                    try
                    {
                        queue.Add(batch, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        batch.Dispose();
                        break;
                    }
                }
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "autodnn batch producer",
        };
        thread.Start();
        try
        {
            foreach (Batch batch in queue.GetConsumingEnumerable())
                yield return batch;
            thread.Join();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            thread.Join();
            while (queue.TryTake(out Batch? left)) left.Dispose();
        }
    }

    private Batch Build(IReadOnlyList<int> order, int batchIndex, Generator generator)
    {
        int start = batchIndex * BatchSize;
        int end = Math.Min(order.Count, start + BatchSize);
        var indices = new int[end - start];
        var ids = new long[end - start];
        for (int k = start; k < end; k++)
        {
            indices[k - start] = order[k];
            ids[k - start] = order[k];
        }

        using var scope = LibTorch.NewScope();
        Tensor index = Tensor.From(ids);
        Tensor inputs = data.Inputs.IndexSelect(0, index);
        foreach (IBatchTransform transform in transforms)
            inputs = transform.Apply(inputs, generator);
        Tensor labels = data.LabelTensor.IndexSelect(0, index);
        if (Device != Device.Cpu)
        {
            inputs = inputs.To(Device);
            labels = labels.To(Device);
        }
        return new Batch(inputs.DetachFromScope(), labels.DetachFromScope(), indices);
    }
}
