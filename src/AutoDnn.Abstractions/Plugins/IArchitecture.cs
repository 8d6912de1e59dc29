using AutoDnn.Abstractions.Search;
using AutoDnn.Torch;
using AutoDnn.Torch.Nn;

namespace AutoDnn.Abstractions.Plugins;

/// <summary>A model family whose shape is searched: builds a fresh, untrained model for a task from a trial's suggestions.</summary>
public interface IArchitecture : IPlugin
{
    /// <summary>Suggests the family's hyperparameters on the trial (define-by-run) and builds the model they describe.</summary>
    /// <remarks>
    /// The model maps a batch of inputs (batch dimension first, then <see cref="TaskSpec.InputShape"/>) to a batch of
    /// <see cref="TaskSpec.OutputCount"/> logits (or Q-values). Suggest the same names for the same task every time, and
    /// prefix them with the plugin name (e.g. "mlp.hidden") so they cannot clash with other plugins' parameters.
    /// </remarks>
    Module<Tensor, Tensor> Build(ITrial trial, TaskSpec task);
}
