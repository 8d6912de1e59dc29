using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Training.Data;

/// <summary>
/// An example set materialized once into one input tensor (N × input shape; float32, or int64 token ids) and one int64
/// label tensor, so that every batch of every trial is an <c>index_select</c> on them. Owns both tensors.
/// </summary>
public sealed class ExampleTensors : IDisposable
{
    // Examples are stacked in chunks so that at most this many per-example tensors are alive at once.
    private const int ChunkSize = 1024;

    private ExampleTensors(Tensor inputs, Tensor labelTensor, int[] labels)
    {
        Inputs = inputs;
        LabelTensor = labelTensor;
        Labels = labels;
    }

    /// <summary>All inputs, batch dimension first.</summary>
    public Tensor Inputs { get; }

    /// <summary>All labels as an int64 tensor of length <see cref="Count"/>.</summary>
    public Tensor LabelTensor { get; }

    /// <summary>All labels (class indices), for splitting and metrics.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Number of examples.</summary>
    public int Count => Labels.Count;

    /// <summary>
    /// Reads the examples at <paramref name="indices"/> (all when null) of <paramref name="set"/>, checking that each input
    /// has <paramref name="inputShape"/>, is float32 or int64, and that each label is a class index below <paramref name="classCount"/>.
    /// </summary>
    /// <param name="set">The examples.</param>
    /// <param name="inputShape">Shape of one input, as the data source declares it.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="setName">Name of the set for error messages, e.g. "train" or "test".</param>
    /// <param name="indices">Which examples to read, in order; null reads all.</param>
    public static ExampleTensors Load(IExampleSet set, IReadOnlyList<long> inputShape, int classCount, string setName, IReadOnlyList<int>? indices = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        int count = indices?.Count ?? set.Count;
        if (count == 0) throw new ArgumentException($"the {setName} set has no examples", nameof(set));
        var labels = new int[count];
        var chunks = new List<Tensor>();
        DType? dtype = null;
        try
        {
            for (int start = 0; start < count; start += ChunkSize)
            {
                int end = Math.Min(count, start + ChunkSize);
                using var scope = LibTorch.NewScope();
                var inputs = new Tensor[end - start];
                for (int k = start; k < end; k++)
                {
                    int index = indices?[k] ?? k;
                    if ((uint)index >= (uint)set.Count)
                        throw new ArgumentOutOfRangeException(nameof(indices), $"{setName} example index {index} is outside 0..{set.Count - 1}");
                    Example example = set.Get(index);
                    Check(example, index, inputShape, classCount, setName, ref dtype);
                    inputs[k - start] = example.Input;
                    labels[k] = example.Label;
                }
                chunks.Add(Tensor.Stack(inputs).DetachFromScope());
            }

            Tensor all;
            if (chunks.Count == 1)
            {
                all = chunks[0];
                chunks.Clear();
            }
            else
            {
                using var scope = LibTorch.NewScope();
                all = Tensor.Cat(chunks).DetachFromScope();
            }

            Tensor labelTensor;
            using (LibTorch.NewScope())
                labelTensor = Tensor.From(labels.Select(l => (long)l).ToArray()).DetachFromScope();
            return new ExampleTensors(all, labelTensor, labels);
        }
        finally
        {
            foreach (Tensor t in chunks) t.Dispose();
        }
    }

    /// <summary>Frees both tensors.</summary>
    public void Dispose()
    {
        Inputs.Dispose();
        LabelTensor.Dispose();
    }

    private static void Check(Example example, int index, IReadOnlyList<long> inputShape, int classCount, string setName, ref DType? dtype)
    {
        if (example.Input is null || example.Input.IsDisposed)
            throw new InvalidDataException($"{setName} example {index} has no input tensor (null or already disposed)");
        long[] shape = example.Input.Shape;
        if (!shape.SequenceEqual(inputShape))
            throw new InvalidDataException(
                $"{setName} example {index} has input shape [{string.Join(", ", shape)}] but the data source declares [{string.Join(", ", inputShape)}]");
        DType t = example.Input.DType;
        if (t is not (DType.Float32 or DType.Int64))
            throw new InvalidDataException($"{setName} example {index} has a {t} input; inputs must be float32 (features, pixels) or int64 (token ids)");
        if (dtype is { } first && first != t)
            throw new InvalidDataException($"{setName} example {index} has a {t} input but earlier examples are {first}");
        dtype = t;
        if ((uint)example.Label >= (uint)classCount)
            throw new InvalidDataException($"{setName} example {index} has label {example.Label}, but the data source has {classCount} classes (labels 0..{classCount - 1})");
    }
}
