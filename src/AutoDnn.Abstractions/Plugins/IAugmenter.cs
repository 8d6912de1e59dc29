using AutoDnn.Abstractions.Search;

namespace AutoDnn.Abstractions.Plugins;

/// <summary>A data augmentation whose own hyperparameters are searched along with the model's.</summary>
public interface IAugmenter : IPlugin
{
    /// <summary>Draws this augmenter's hyperparameters from the trial (define-by-run) and returns the configured transform.</summary>
    /// <remarks>Prefix parameter names with the plugin name (e.g. "flip.p") so they cannot clash with others.</remarks>
    IBatchTransform Configure(ITrial trial);
}
