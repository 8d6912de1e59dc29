using AutoDnn.Abstractions.Plugins;
using AutoDnn.Torch;

namespace AutoDnn.Hosting.Plugins;

/// <summary>Traces a plugin's hyperparameters by running its define-by-run code once on a <see cref="RecordingTrial"/>.</summary>
public static class PluginInspector
{
    /// <summary>The task an architecture is traced for when none is given: a small typical task of its kind.</summary>
    public static TaskSpec RepresentativeTask(TaskKind kind) => kind switch
    {
        TaskKind.ImageClassification => new TaskSpec(kind, [1, 28, 28], 10),
        TaskKind.TextClassification => new TaskSpec(kind, [64], 2, vocabularySize: 1000),
        TaskKind.TabularClassification => new TaskSpec(kind, [16], 2),
        TaskKind.ReinforcementLearning => new TaskSpec(kind, [4], 2),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown task kind."),
    };

    /// <summary>Traces the named plugin; throws KeyNotFoundException when no loaded plugin has that name.</summary>
    public static PluginInspection Inspect(PluginCatalog catalog, string name, TaskSpec? task = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        PluginEntry entry = catalog.Find(name) ?? throw new KeyNotFoundException(
            $"No loaded plugin is named '{name}'; `autodnn plugins list` shows the names and the failures.");
        var trial = new RecordingTrial();
        string tracedFor;
        switch (catalog.Create<IPlugin>(name))
        {
            case IArchitecture architecture:
                TaskSpec spec = task ?? RepresentativeTask(architecture.Task);
                tracedFor = $"{spec.Kind} input [{string.Join(", ", spec.InputShape)}], {spec.OutputCount} outputs"
                    + (spec.VocabularySize > 0 ? $", vocabulary {spec.VocabularySize}" : string.Empty);
                using (LibTorch.NewScope())
                {
                    // Only the suggestions matter; the parameters the model allocated are freed at once.
                    architecture.Build(trial, spec).Dispose();
                }

                break;
            case IAugmenter augmenter:
                augmenter.Configure(trial);
                tracedFor = "Configure";
                break;
            default:
                tracedFor = $"nothing: a {entry.Kind} declares no hyperparameters";
                break;
        }

        return new PluginInspection(entry, tracedFor, trial.Traced);
    }
}
