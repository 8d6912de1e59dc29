using System.Globalization;
using System.Text.RegularExpressions;
using AutoDnn.Hosting.Campaigns.Space;
using AutoDnn.Storage;

namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>Turns the YAML tree of a campaign file into a <see cref="CampaignSpec"/>, recording every problem it meets.</summary>
/// <remarks>Each section is read even after an error elsewhere so one run reports them all. The source fields are filled by the loader.</remarks>
internal sealed partial class CampaignSpecParser(SpecReader reader)
{
    private const string Root = "(document)";

    private static readonly string[] TopKeys =
        ["name", "description", "storage", "plugins", "seed", "task", "training", "space", "sampler", "pruner", "cv", "objective", "budget", "resources"];

    private readonly SpecReader _r = reader;

    public IReadOnlyList<CampaignError> Errors => _r.Errors;

    public CampaignSpec? Parse(SpecNode root)
    {
        if (root is not SpecMapping m)
        {
            _r.Error(root, Root, $"expected a mapping of keys (name:, task:, training:, budget: …), got {root.Describe()}; write name: my-campaign and the other keys on their own lines instead");
            return null;
        }

        _r.CheckKeys(m, Root, TopKeys);
        string? name = _r.Required(m, "name", Root, "name: my-campaign") is { } nameNode ? ReadCampaignName(nameNode) : null;
        string? description = m["description"] is { } d ? _r.String(d, "description", "description: \"one line about the campaign\"") : null;
        string? storage = m["storage"] is { } s ? ReadStorage(s) : null;
        IReadOnlyList<string> plugins = m["plugins"] is { } p ? ReadPluginFolders(p) : [];
        int seed = m["seed"] is { } seedNode ? _r.Int(seedNode, "seed", "seed: 42") ?? 0 : 0;

        CampaignTask? task = _r.Required(m, "task", Root, "task: {dataset: NAME, architecture: NAME}") is { } t ? ReadTask(t) : null;
        bool rl = task?.IsReinforcementLearning ?? (m["task"] is SpecMapping tm && tm.Contains("environment") && !tm.Contains("dataset"));
        TrainingSpec? training = _r.Required(m, "training", Root, rl ? "training: {steps: 20000}" : "training: {epochs: 5}") is { } tr
            ? ReadTraining(tr, rl)
            : null;
        IReadOnlyList<SpaceOverride> space = m["space"] is { } sp ? ReadSpace(sp) : [];
        IReadOnlyList<ObjectiveSpec> objectives = m["objective"] is { } o ? ReadObjectives(o, rl) : [DefaultObjective(rl)];
        SamplerSpec sampler = m["sampler"] is { } sa ? ReadSampler(sa) ?? SamplerSpec.Default : SamplerSpec.Default;
        PrunerSpec pruner = m["pruner"] is { } pr ? ReadPruner(pr, "pruner") ?? PrunerSpec.Default : PrunerSpec.Default;
        if (objectives.Count > 1 && pruner.Name != "none")
        {
            _r.Error(m["pruner"]!, "pruner", "pruning is not defined for a multi-objective campaign; write pruner: none (or one objective) instead");
        }

        CrossValidationSpec cv = m["cv"] is { } c ? ReadCrossValidation(c, rl) : new CrossValidationSpec();
        BudgetSpec? budget = _r.Required(m, "budget", Root, "budget: {trials: 20}") is { } b ? ReadBudget(b) : null;
        ResourcesSpec resources = m["resources"] is { } res ? ReadResources(res) : new ResourcesSpec();

        if (_r.Errors.Count > 0 || name is null || task is null || training is null || budget is null)
        {
            return null;
        }

        return new CampaignSpec
        {
            Name = name,
            Description = description,
            Storage = storage,
            Plugins = plugins,
            Seed = seed,
            Task = task,
            Training = training,
            Space = space,
            Sampler = sampler,
            Pruner = pruner,
            CrossValidation = cv,
            Objectives = objectives,
            Budget = budget,
            Resources = resources,
            SourceText = string.Empty,
            SourceName = _r.File,
            Sha256 = string.Empty,
        };
    }

    private string? ReadCampaignName(SpecNode node)
    {
        string? name = _r.String(node, "name", "name: my-campaign");
        if (name is not null && !CampaignName().IsMatch(name))
        {
            _r.Error(node, "name", $"\"{name}\" is not a valid campaign name; write letters, digits, '.', '_' or '-' (e.g. name: my-campaign) instead");
            return null;
        }

        return name;
    }

    private string? ReadStorage(SpecNode node)
    {
        const string Example = "storage: sqlite:///autodnn.db or postgresql://user:password@host:port/database";
        string? url = _r.String(node, "storage", Example);
        if (url is null)
        {
            return null;
        }

        try
        {
            StorageUrl.Parse(url);
            return url;
        }
        catch (FormatException e)
        {
            string reason = e.Message.Split("; use ", 2)[0].TrimEnd('.');
            _r.Error(node, "storage", $"{reason}; write {Example["storage: ".Length..]} instead");
            return null;
        }
    }

    private IReadOnlyList<string> ReadPluginFolders(SpecNode node)
    {
        var folders = new List<string>();
        IReadOnlyList<SpecNode> items = _r.ListOrOne(node);
        for (int i = 0; i < items.Count; i++)
        {
            string path = node is SpecSequence ? $"plugins[{i}]" : "plugins";
            if (_r.String(items[i], path, "plugins: [./my-plugins]") is { } folder)
            {
                folders.Add(folder);
            }
        }

        return folders;
    }

    private BudgetSpec? ReadBudget(SpecNode node)
    {
        if (_r.Mapping(node, "budget", "budget: {trials: 20, time: 1h}") is not { } m)
        {
            return null;
        }

        _r.CheckKeys(m, "budget", ["trials", "time", "trial_time"]);
        int? trials = _r.Required(m, "trials", "budget", "trials: 20") is { } t ? _r.Int(t, "budget.trials", "trials: 20", min: 1) : null;
        TimeSpan? time = m["time"] is { } tn ? ReadDuration(tn, "budget.time") : null;
        TimeSpan? trialTime = m["trial_time"] is { } tt ? ReadDuration(tt, "budget.trial_time") : null;
        return trials is { } n ? new BudgetSpec(n, time, trialTime) : null;
    }

    private TimeSpan? ReadDuration(SpecNode node, string path)
    {
        string text = node is SpecScalar s ? s.Text : string.Empty;
        Match match = Duration().Match(text);
        TimeSpan total = TimeSpan.Zero;
        if (match.Success)
        {
            foreach (Capture part in match.Groups["part"].Captures)
            {
                Match piece = DurationPart().Match(part.Value);
                double amount = double.Parse(piece.Groups["n"].Value, CultureInfo.InvariantCulture);
                total += piece.Groups["u"].Value switch
                {
                    "ms" => TimeSpan.FromMilliseconds(amount),
                    "s" => TimeSpan.FromSeconds(amount),
                    "m" => TimeSpan.FromMinutes(amount),
                    "h" => TimeSpan.FromHours(amount),
                    _ => TimeSpan.FromDays(amount),
                };
            }
        }

        if (!match.Success || total <= TimeSpan.Zero)
        {
            string got = node is SpecScalar ? $"\"{text}\"" : node.Describe();
            _r.Error(node, path, $"{got} is not a duration; write a positive number with a unit (ms, s, m, h, d), e.g. 90s, 10m, 2h or 1h30m instead");
            return null;
        }

        return total;
    }

    private ResourcesSpec ReadResources(SpecNode node)
    {
        if (_r.Mapping(node, "resources", "resources: {workers: 2}") is not { } m)
        {
            return new ResourcesSpec();
        }

        _r.CheckKeys(m, "resources", ["workers", "devices", "trials_per_device", "threads_per_trial"]);
        return new ResourcesSpec
        {
            Workers = m["workers"] is { } w ? _r.Int(w, "resources.workers", "workers: 2", min: 1) ?? 1 : null,
            Devices = m["devices"] is { } d ? ReadDevices(d) : [],
            DevicesPosition = m["devices"]?.Start,
            TrialsPerDevice = m["trials_per_device"] is { } t ? _r.Int(t, "resources.trials_per_device", "trials_per_device: 1", min: 1) ?? 1 : 1,
            ThreadsPerTrial = m["threads_per_trial"] is { } th ? _r.Int(th, "resources.threads_per_trial", "threads_per_trial: 2", min: 1) : null,
        };
    }

    private IReadOnlyList<string> ReadDevices(SpecNode node)
    {
        const string Hint = "write auto, cpu, cuda or cuda:N, or a list such as [cpu, cuda:0] instead";
        if (node is SpecScalar { Text: "auto" })
        {
            return [];
        }

        var devices = new List<string>();
        IReadOnlyList<SpecNode> items = _r.ListOrOne(node);
        if (items.Count == 0)
        {
            _r.Error(node, "resources.devices", $"the list is empty; {Hint}");
        }

        for (int i = 0; i < items.Count; i++)
        {
            string path = node is SpecSequence ? $"resources.devices[{i}]" : "resources.devices";
            string? text = items[i] is SpecScalar { Value: string s } ? s : null;
            if (text is null || !Device().IsMatch(text))
            {
                string got = items[i] is SpecScalar sc ? $"\"{sc.Text}\"" : items[i].Describe();
                _r.Error(items[i], path, $"{got} is not a device; {Hint}");
            }
            else if (devices.Contains(text))
            {
                _r.Error(items[i], path, $"\"{text}\" is listed twice; write each device once instead");
            }
            else
            {
                devices.Add(text);
            }
        }

        return devices;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CampaignName();

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|s|m|h|d))+$")]
    private static partial Regex Duration();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<u>ms|s|m|h|d)$")]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"^(cpu|cuda(:\d+)?)$")]
    private static partial Regex Device();
}
