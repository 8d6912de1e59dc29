using AutoDnn.Torch;
using AutoDnn.Torch.Nn;
using AutoDnn.Training.Data;
using AutoDnn.Training.Metrics;
using F = AutoDnn.Torch.Nn.Functional;

namespace AutoDnn.Training.Supervised;

/// <summary>Runs a model over examples in eval mode without gradients: class probabilities, mean cross-entropy, metrics.</summary>
internal static class Evaluation
{
    public const string LossMetric = "loss";

    /// <summary>Probabilities and the mean cross-entropy of <paramref name="model"/> on the examples at <paramref name="indices"/>.</summary>
    public static (ClassificationOutcome Outcome, double Loss) Evaluate(
        Module<Tensor, Tensor> model, ExampleTensors data, IReadOnlyList<int> indices, int classCount, int batchSize, Device device, CancellationToken cancellation)
    {
        bool wasTraining = model.IsTraining;
        model.Eval();
        var probabilities = new double[indices.Count, classCount];
        var actual = new int[indices.Count];
        double lossSum = 0;
        try
        {
            using var noGrad = LibTorch.NoGrad();
            for (int start = 0; start < indices.Count; start += batchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                int end = Math.Min(indices.Count, start + batchSize);
                var ids = new long[end - start];
                for (int k = start; k < end; k++)
                {
                    ids[k - start] = indices[k];
                    actual[k] = data.Labels[indices[k]];
                }

                using var scope = LibTorch.NewScope();
                Tensor index = Tensor.From(ids);
                Tensor x = data.Inputs.IndexSelect(0, index);
                Tensor y = data.LabelTensor.IndexSelect(0, index);
                if (device != Device.Cpu) { x = x.To(device); y = y.To(device); }
                Tensor logits = Logits(model, x, classCount);
                lossSum += F.CrossEntropy(logits, y, reduction: Reduction.Sum).Item();
                double[] p = logits.Softmax(1).To(DType.Float64, Device.Cpu).ToArray<double>();
                Buffer.BlockCopy(p, 0, probabilities, start * classCount * sizeof(double), p.Length * sizeof(double));
            }
        }
        finally
        {
            model.Train(wasTraining);
        }
        return (new ClassificationOutcome(actual, probabilities), lossSum / indices.Count);
    }

    /// <summary>Every catalog metric of an outcome plus "loss" (the mean cross-entropy).</summary>
    public static SortedDictionary<string, double> Metrics(ClassificationOutcome outcome, double loss)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in MetricCatalog.ComputeAll(outcome)) metrics[name] = value;
        metrics[LossMetric] = loss;
        return metrics;
    }

    /// <summary>The model's forward pass, checking that it yields one logit per class for every example.</summary>
    public static Tensor Logits(Module<Tensor, Tensor> model, Tensor inputs, int classCount)
    {
        Tensor logits = model.Forward(inputs);
        long[] shape = logits.Shape;
        if (shape.Length != 2 || shape[0] != inputs.Size(0) || shape[1] != classCount)
            throw new InvalidOperationException(
                $"the model ({model.TypeName}) returned outputs of shape [{string.Join(", ", shape)}] for a batch of {inputs.Size(0)}; expected [{inputs.Size(0)}, {classCount}] (one logit per class)");
        return logits;
    }
}
