using System.Text.Json;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Search.Trials;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Training.Supervised;

/// <summary>Writes and reads model folders (weights in PyTorch's format + model.json) and runs predictions.</summary>
internal static class ModelFiles
{
    private const int PredictionBatch = 256;

    public static void Save(string folder, Module model, ModelManifest manifest)
    {
        Directory.CreateDirectory(folder);
        model.Save(Path.Combine(folder, ModelManifest.WeightsFileName));
        string json = JsonSerializer.Serialize(manifest, ModelManifest.Json);
        string path = Path.Combine(folder, ModelManifest.FileName);
        File.WriteAllText(path + ".tmp", json);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static FinalModel Load(string folder, IArchitecture architecture)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(architecture);
        string path = Path.Combine(folder, ModelManifest.FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"'{folder}' holds no {ModelManifest.FileName}: not a model folder saved by AutoDnn", path);
        ModelManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), ModelManifest.Json)
                ?? throw new InvalidDataException($"'{path}' holds null, not a model manifest");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid model manifest: {e.Message}", e);
        }
        if (manifest.Format != ModelManifest.CurrentFormat)
            throw new InvalidDataException($"'{path}' has manifest format {manifest.Format}; this AutoDnn reads format {ModelManifest.CurrentFormat}");
        if (!string.Equals(manifest.Architecture, architecture.Name, StringComparison.Ordinal))
            throw new ArgumentException(
                $"the model in '{folder}' was built by architecture '{manifest.Architecture}', not by '{architecture.Name}'", nameof(architecture));

        TaskSpec task = manifest.ToTaskSpec();
        // The saved parameters are authoritative: a campaign's space overrides may have put them outside the plugin's ranges.
        var trial = FixedTrial.FromJson(JsonSerializer.SerializeToElement(manifest.Params), acceptOutside: true);
        Module<Tensor, Tensor> model = architecture.Build(trial, task);
        string weights = Path.Combine(folder, ModelManifest.WeightsFileName);
        try
        {
            model.Load(weights);
        }
        catch (ArgumentException e)
        {
            model.Dispose();
            throw new InvalidDataException(
                $"the weights in '{weights}' do not fit '{architecture.Name}' {architecture.Version} built from {ModelManifest.FileName} "
                + $"(trained with {manifest.ArchitectureVersion}): {e.Message}", e);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        model.Eval();
        return new FinalModel(model, manifest, folder);
    }

    public static IReadOnlyList<Prediction> Predict(Module<Tensor, Tensor> model, IReadOnlyList<Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0) return [];
        long[] shape = inputs[0].Shape;
        for (int i = 1; i < inputs.Count; i++)
            if (!inputs[i].Shape.SequenceEqual(shape))
                throw new ArgumentException(
                    $"input {i} has shape [{string.Join(", ", inputs[i].Shape)}] but input 0 has [{string.Join(", ", shape)}]; all inputs need one shape", nameof(inputs));
        Device device = model.Parameters().FirstOrDefault()?.Device ?? Device.Cpu;
        bool wasTraining = model.IsTraining;
        model.Eval();
        var predictions = new List<Prediction>(inputs.Count);
        try
        {
            using var noGrad = LibTorch.NoGrad();
            for (int start = 0; start < inputs.Count; start += PredictionBatch)
            {
                using var scope = LibTorch.NewScope();
                int end = Math.Min(inputs.Count, start + PredictionBatch);
                Tensor x = Tensor.Stack(inputs.Skip(start).Take(end - start).ToArray());
                if (device != Device.Cpu) x = x.To(device);
                Tensor logits = model.Forward(x);
                if (logits.Dim != 2 || logits.Size(0) != end - start)
                    throw new InvalidOperationException($"the model ({model.TypeName}) returned outputs of shape [{string.Join(", ", logits.Shape)}] for a batch of {end - start}; expected one row of logits per input");
                int classes = (int)logits.Size(1);
                double[] p = logits.Softmax(1).To(DType.Float64, Device.Cpu).ToArray<double>();
                for (int k = 0; k < end - start; k++)
                {
                    double[] row = p.AsSpan(k * classes, classes).ToArray();
                    int best = 0;
                    for (int c = 1; c < classes; c++) if (row[c] > row[best]) best = c;
                    predictions.Add(new Prediction(best, row));
                }
            }
        }
        finally
        {
            model.Train(wasTraining);
        }
        return predictions;
    }
}
