using AutoDnn.Search.Studies;
using AutoDnn.Training.Metrics;

namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>The task, training, cross-validation and objective sections.</summary>
internal sealed partial class CampaignSpecParser
{
    private static readonly string[] SupervisedTrainingKeys = ["epochs", "early_stopping", "max_examples", "final_epochs"];
    private static readonly string[] RlTrainingKeys = ["steps", "eval_every", "eval_episodes"];

    private CampaignTask? ReadTask(SpecNode node)
    {
        if (_r.Mapping(node, "task", "task: {dataset: NAME, architecture: NAME}") is not { } m)
        {
            return null;
        }

        _r.CheckKeys(m, "task", ["dataset", "environment", "algorithm", "architecture", "augmenters"]);
        PluginReference? dataset = m["dataset"] is { } d ? ReadPlugin(d, "task.dataset", withOptions: true) : null;
        PluginReference? environment = m["environment"] is { } e ? ReadPlugin(e, "task.environment", withOptions: true) : null;
        bool ok = dataset is not null || environment is not null;
        if (m.Contains("dataset") && m.Contains("environment"))
        {
            _r.Error(m.KeyNode("environment")!, "task", "both dataset and environment are given; write dataset: (supervised) or environment: (reinforcement learning), not both, instead");
            ok = false;
        }
        else if (!m.Contains("dataset") && !m.Contains("environment"))
        {
            _r.Error(m, "task", "neither dataset nor environment is given; write dataset: NAME (supervised) or environment: NAME with algorithm: dqn (reinforcement learning) instead");
        }

        RlAlgorithm? algorithm = m.Contains("environment") ? RlAlgorithm.Dqn : null;
        if (m["algorithm"] is { } a)
        {
            if (!m.Contains("environment"))
            {
                _r.Error(a, "task.algorithm", "algorithm is for reinforcement learning and needs an environment; write environment: NAME instead, or remove algorithm");
            }
            else
            {
                algorithm = ReadAlgorithm(a);
            }
        }

        PluginReference? architecture = _r.Required(m, "architecture", "task", "architecture: NAME") is { } arch
            ? ReadPlugin(arch, "task.architecture", withOptions: false)
            : null;
        var augmenters = new List<PluginReference>();
        if (m["augmenters"] is { } augs)
        {
            if (m.Contains("environment"))
            {
                _r.Error(m.KeyNode("augmenters")!, "task.augmenters", "augmenters transform training batches of a dataset; remove augmenters from a reinforcement-learning campaign instead");
            }

            IReadOnlyList<SpecNode> items = _r.ListOrOne(augs);
            for (int i = 0; i < items.Count; i++)
            {
                string path = augs is SpecSequence ? $"task.augmenters[{i}]" : "task.augmenters";
                if (ReadPlugin(items[i], path, withOptions: false) is { } aug)
                {
                    augmenters.Add(aug);
                }
            }
        }

        if (!ok || architecture is null)
        {
            return null;
        }

        return new CampaignTask
        {
            Dataset = dataset,
            Environment = environment,
            Algorithm = algorithm,
            Architecture = architecture,
            Augmenters = augmenters,
        };
    }

    private RlAlgorithm? ReadAlgorithm(SpecNode node)
    {
        string? name = _r.Name(node, "task.algorithm", "algorithm: dqn");
        switch (name)
        {
            case null:
                return null;
            case "dqn":
                return RlAlgorithm.Dqn;
            case "reinforce":
                return RlAlgorithm.Reinforce;
            default:
                _r.Error(node, "task.algorithm", $"unknown algorithm \"{name}\"; {Suggestions.WriteInstead(name, ["dqn", "reinforce"])}");
                return null;
        }
    }

    /// <summary>A plugin written as a name, or as {name: NAME} (plus options: {…} for datasets and environments).</summary>
    private PluginReference? ReadPlugin(SpecNode node, string path, bool withOptions)
    {
        string example = withOptions ? "{name: NAME, options: {key: value}}" : "NAME";
        if (node is SpecScalar)
        {
            return _r.Name(node, path, $"{LastKey(path)}: {example}") is { } name
                ? new PluginReference(name, new SortedDictionary<string, string>(StringComparer.Ordinal), node.Start, path)
                : null;
        }

        if (_r.Mapping(node, path, $"{LastKey(path)}: {example}") is not { } m)
        {
            return null;
        }

        _r.CheckKeys(m, path, withOptions ? ["name", "options"] : ["name"]);
        SpecNode? nameNode = _r.Required(m, "name", path, "name: NAME");
        string? pluginName = nameNode is null ? null : _r.Name(nameNode, $"{path}.name", "name: NAME");
        IReadOnlyDictionary<string, string> options = m["options"] is { } o && withOptions
            ? _r.StringOptions(o, $"{path}.options", "options: {key: value}")
            : new SortedDictionary<string, string>(StringComparer.Ordinal);
        return pluginName is null ? null : new PluginReference(pluginName, options, nameNode!.Start, path);
    }

    private static string LastKey(string path)
    {
        string last = path[(path.LastIndexOf('.') + 1)..];
        int bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? $"- {last[..bracket]}" : last;
    }

    private TrainingSpec? ReadTraining(SpecNode node, bool rl)
    {
        if (_r.Mapping(node, "training", rl ? "training: {steps: 20000}" : "training: {epochs: 5}") is not { } m)
        {
            return null;
        }

        string[] own = rl ? RlTrainingKeys : SupervisedTrainingKeys;
        string[] other = rl ? SupervisedTrainingKeys : RlTrainingKeys;
        foreach ((SpecScalar key, _) in m.Entries)
        {
            if (other.Contains(key.Text))
            {
                _r.Error(key, $"training.{key.Text}", rl
                    ? $"{key.Text} is for supervised campaigns, this one is reinforcement learning; write steps:, eval_every: or eval_episodes: instead"
                    : $"{key.Text} is for reinforcement learning, this campaign is supervised; write epochs:, early_stopping: or max_examples: instead");
            }
            else if (!own.Contains(key.Text))
            {
                _r.Error(key, $"training.{key.Text}", $"unknown key; {Suggestions.WriteInstead(key.Text, own)}");
            }
        }

        if (rl)
        {
            int? steps = _r.Required(m, "steps", "training", "steps: 20000") is { } s ? _r.Int(s, "training.steps", "steps: 20000", min: 1) : null;
            int? every = m["eval_every"] is { } e ? _r.Int(e, "training.eval_every", "eval_every: 1000", min: 1) : null;
            int? episodes = m["eval_episodes"] is { } ep ? _r.Int(ep, "training.eval_episodes", "eval_episodes: 10", min: 1) : null;
            return steps is { } n
                ? new TrainingSpec { Steps = n, EvalEvery = every ?? Math.Max(1, n / 10), EvalEpisodes = episodes ?? 10 }
                : null;
        }

        int? epochs = _r.Required(m, "epochs", "training", "epochs: 5") is { } ee ? _r.Int(ee, "training.epochs", "epochs: 5", min: 1) : null;
        int? patience = m["early_stopping"] is { } p ? _r.Int(p, "training.early_stopping", "early_stopping: 3", min: 1) : null;
        int? maxExamples = m["max_examples"] is { } x ? _r.Int(x, "training.max_examples", "max_examples: 10000", min: 1) : null;
        int? finalEpochs = m["final_epochs"] is { } f ? _r.Int(f, "training.final_epochs", "final_epochs: 20", min: 1) : null;
        return epochs is { } k ? new TrainingSpec { Epochs = k, EarlyStoppingPatience = patience, MaxExamples = maxExamples, FinalEpochs = finalEpochs } : null;
    }

    private CrossValidationSpec ReadCrossValidation(SpecNode node, bool rl)
    {
        var fallback = new CrossValidationSpec();
        if (_r.Mapping(node, "cv", rl ? "cv: {folds: 3}" : "cv: {kind: stratified, folds: 3}") is not { } m)
        {
            return fallback;
        }

        _r.CheckKeys(m, "cv", ["kind", "folds", "holdout_fraction"]);
        CrossValidationKind kind = CrossValidationKind.Stratified;
        if (m["kind"] is { } k)
        {
            if (rl)
            {
                _r.Error(k, "cv.kind", "reinforcement learning splits no data (cv.folds is the number of seeds per trial); remove kind instead");
            }
            else if (_r.Name(k, "cv.kind", "kind: stratified") is { } name)
            {
                kind = name switch
                {
                    "stratified" => CrossValidationKind.Stratified,
                    "kfold" => CrossValidationKind.KFold,
                    "holdout" => CrossValidationKind.Holdout,
                    _ => Unknown(k, name),
                };
            }
        }

        int folds = fallback.Folds;
        if (m["folds"] is { } f)
        {
            if (kind == CrossValidationKind.Holdout)
            {
                _r.Error(f, "cv.folds", "holdout makes one split; write holdout_fraction: 0.2 instead of folds, or kind: kfold");
            }
            else
            {
                folds = _r.Int(f, "cv.folds", rl ? "folds: 3" : "folds: 5", min: rl ? 1 : 2) ?? folds;
            }
        }

        double fraction = fallback.HoldoutFraction;
        if (m["holdout_fraction"] is { } h)
        {
            if (kind != CrossValidationKind.Holdout)
            {
                _r.Error(h, "cv.holdout_fraction", "holdout_fraction is for kind: holdout; write kind: holdout instead, or remove holdout_fraction");
            }
            else if (_r.Double(h, "cv.holdout_fraction", "holdout_fraction: 0.2") is { } x)
            {
                if (x is > 0 and < 1)
                {
                    fraction = x;
                }
                else
                {
                    _r.Error(h, "cv.holdout_fraction", $"must be between 0 and 1 (exclusive), got {x}; write holdout_fraction: 0.2 instead");
                }
            }
        }

        return new CrossValidationSpec(kind, kind == CrossValidationKind.Holdout ? 1 : folds, fraction);

        CrossValidationKind Unknown(SpecNode at, string name)
        {
            _r.Error(at, "cv.kind", $"unknown cross-validation kind \"{name}\"; {Suggestions.WriteInstead(name, ["stratified", "kfold", "holdout"])}");
            return CrossValidationKind.Stratified;
        }
    }

    private static ObjectiveSpec DefaultObjective(bool rl) =>
        rl ? new ObjectiveSpec("mean_return", StudyDirection.Maximize) : new ObjectiveSpec("accuracy", StudyDirection.Maximize);

    private IReadOnlyList<ObjectiveSpec> ReadObjectives(SpecNode node, bool rl)
    {
        var objectives = new List<ObjectiveSpec>();
        IReadOnlyList<SpecNode> items = _r.ListOrOne(node);
        if (items.Count == 0)
        {
            _r.Error(node, "objective", "the list is empty; write objective: {metric: accuracy} instead");
        }

        for (int i = 0; i < items.Count; i++)
        {
            string path = node is SpecSequence ? $"objective[{i}]" : "objective";
            if (ReadObjective(items[i], path, rl) is not { } objective)
            {
                continue;
            }

            if (objectives.Any(o => o.Metric == objective.Metric))
            {
                _r.Error(items[i], path, $"the metric \"{objective.Metric}\" is listed twice; write each objective once instead");
                continue;
            }

            objectives.Add(objective);
        }

        return objectives.Count > 0 ? objectives : [DefaultObjective(rl)];
    }

    private ObjectiveSpec? ReadObjective(SpecNode node, string path, bool rl)
    {
        SpecNode? metricNode = node;
        SpecNode? directionNode = null;
        string metricPath = path;
        if (node is SpecMapping m)
        {
            _r.CheckKeys(m, path, ["metric", "direction"]);
            metricNode = _r.Required(m, "metric", path, rl ? "metric: mean_return" : "metric: accuracy");
            directionNode = m["direction"];
            metricPath = $"{path}.metric";
        }

        string? metric = metricNode is null ? null : _r.Name(metricNode, metricPath, rl ? "metric: mean_return" : "metric: accuracy");
        StudyDirection? direction = null;
        if (metric is not null)
        {
            IReadOnlyList<string> known = rl ? ["mean_return"] : [.. MetricCatalog.Names, "loss"];
            if (!known.Contains(metric))
            {
                string kind = rl ? "reinforcement-learning metric" : "metric";
                _r.Error(metricNode!, metricPath, $"unknown {kind} \"{metric}\"; {Suggestions.WriteInstead(metric, [.. known])}");
                metric = null;
            }
            else
            {
                direction = metric switch
                {
                    "loss" => StudyDirection.Minimize,
                    "mean_return" => StudyDirection.Maximize,
                    _ => MetricCatalog.Get(metric).Direction,
                };
            }
        }

        if (directionNode is not null)
        {
            string? text = directionNode is SpecScalar s ? s.Text : null;
            if (text is "minimize" or "maximize")
            {
                direction = text == "minimize" ? StudyDirection.Minimize : StudyDirection.Maximize;
            }
            else
            {
                string got = text is null ? directionNode.Describe() : $"\"{text}\"";
                _r.Error(directionNode, $"{path}.direction", $"{got} is not a direction; write minimize or maximize instead");
                return null;
            }
        }

        return metric is not null && direction is { } dir ? new ObjectiveSpec(metric, dir) : null;
    }
}
