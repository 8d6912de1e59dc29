using System.Text.RegularExpressions;
using AutoDnn.Abstractions.Plugins;
using AutoDnn.Hosting.Plugins;

namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>Checks that each plugin a campaign names exists, implements the right contract and serves the campaign's task.</summary>
internal static partial class CampaignPluginCheck
{
    public static IReadOnlyList<CampaignError> Check(CampaignSpec spec, IPluginDirectory plugins)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(plugins);
        var errors = new List<CampaignError>();
        TaskKind? task = null;
        string? taskSource = null;
        if (spec.Task.Dataset is { } dataset && Resolve(dataset, PluginKind.Dataset, null, null, plugins, errors) is { } d)
        {
            task = d.Task;
            taskSource = $"the dataset \"{d.Name}\"";
        }

        if (spec.Task.Environment is { } environment
            && Resolve(environment, PluginKind.Environment, null, null, plugins, errors) is { } e)
        {
            if (e.Task != TaskKind.ReinforcementLearning)
            {
                errors.Add(new CampaignError(environment.Position, environment.Path,
                    $"environment \"{e.Name}\" declares the task {Words(e.Task)}, not reinforcement learning; fix the plugin's Task instead"));
            }

            task = TaskKind.ReinforcementLearning;
            taskSource = $"the environment \"{e.Name}\"";
        }

        Resolve(spec.Task.Architecture, PluginKind.Architecture, task, taskSource, plugins, errors);
        foreach (PluginReference augmenter in spec.Task.Augmenters)
        {
            Resolve(augmenter, PluginKind.Augmenter, task, taskSource, plugins, errors);
        }

        return errors;
    }

    private static PluginInfo? Resolve(
        PluginReference reference, PluginKind kind, TaskKind? task, string? taskSource, IPluginDirectory plugins, List<CampaignError> errors)
    {
        string[] ofKind = [.. plugins.Plugins.Where(p => p.Kind == kind && (task is null || p.Task == task)).Select(p => p.Name)];
        string what = task is null ? Plural(kind) : $"{Words(task.Value)} {Plural(kind)}";
        string instead = ofKind.Length == 0
            ? $"no {what} are loaded; add a folder with one under plugins: instead"
            : Suggestions.WriteInstead(reference.Name, ofKind, what);
        PluginInfo? plugin = plugins.Find(reference.Name);
        if (plugin is null)
        {
            errors.Add(new CampaignError(reference.Position, reference.Path, $"no plugin is named \"{reference.Name}\"; {instead}"));
            return null;
        }

        if (plugin.Kind != kind)
        {
            errors.Add(new CampaignError(reference.Position, reference.Path,
                $"plugin \"{plugin.Name}\" is {Article(plugin.Kind)} {Singular(plugin.Kind)}, not {Article(kind)} {Singular(kind)}; {instead}"));
            return null;
        }

        if (task is { } expected && plugin.Task != expected)
        {
            errors.Add(new CampaignError(reference.Position, reference.Path,
                $"{Singular(kind)} \"{plugin.Name}\" is for {Words(plugin.Task)}, but {taskSource} is for {Words(expected)}; {instead}"));
            return null;
        }

        return plugin;
    }

    private static string Singular(PluginKind kind) => kind.ToString().ToLowerInvariant();

    private static string Plural(PluginKind kind) => $"{Singular(kind)}s";

    private static string Article(PluginKind kind) => kind is PluginKind.Architecture or PluginKind.Augmenter or PluginKind.Environment ? "an" : "a";

    private static string Words(TaskKind task) => CamelWords().Replace(task.ToString(), " $1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelWords();
}
