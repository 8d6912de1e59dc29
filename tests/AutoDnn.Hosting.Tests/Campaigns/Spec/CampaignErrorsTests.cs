using AutoDnn.Hosting.Campaigns.Spec;

namespace AutoDnn.Hosting.Tests.Campaigns.Spec;

/// <summary>Each kind of mistake in a campaign file gets one exact message: file:line:column: path: what; write … instead.</summary>
public sealed class CampaignErrorsTests
{
    private const string Task = """
        task:
          dataset: digits
          architecture: cnn
        """;

    [Fact]
    public void YamlSyntaxError()
    {
        AssertErrors(
            "name: x\ntask:\n  dataset: a\n architecture: b\n",
            "bad.yaml:4:2: (document): YAML syntax error: While parsing a block mapping, did not find expected key; fix the indentation, quoting or ':' after the key here");
        AssertErrors(
            "name: x\nplugins: [a, b\n",
            "bad.yaml:3:1: (document): YAML syntax error: While parsing a flow sequence, did not find expected ',' or ']'; fix the indentation, quoting or ':' after the key here");
        AssertErrors(
            "name: x\ntask: {dataset: a, architecture: b\ntraining: {epochs: 1}\n",
            "bad.yaml:2:20: (document): YAML syntax error after this point; close every '{', '[' and quote that is opened here instead");
    }

    [Fact]
    public void EmptyFile()
    {
        AssertErrors("", "bad.yaml:1:1: (document): " + SpecTreeBuilder.EmptyMessage);
        AssertErrors("# only a comment\n", "bad.yaml:1:1: (document): the file is empty; write at least name:, task:, training: and budget: (see docs/CAMPAIGNS.md) instead");
    }

    [Fact]
    public void NotAMapping() => AssertErrors(
        "- name: x\n",
        "bad.yaml:1:1: (document): expected a mapping of keys (name:, task:, training:, budget: …), got a list; write name: my-campaign and the other keys on their own lines instead");

    [Fact]
    public void UnknownKeyWithSuggestion() => AssertErrors(
        $"name: x\n{Task}\ntraining: {{epochs: 1, epoch: 2}}\nbudget: {{trials: 1}}\nsampelr: tpe\n",
        "bad.yaml:5:23: training.epoch: unknown key; write epochs instead",
        "bad.yaml:7:1: sampelr: unknown key; write sampler instead");

    [Fact]
    public void UnknownKeyWithoutACloseName() => AssertErrors(
        $"name: x\n{Task}\ntraining: {{epochs: 1}}\nbudget: {{trials: 1, foo: 3}}\n",
        "bad.yaml:6:21: budget.foo: unknown key; write one of trials, time, trial_time instead");

    [Fact]
    public void MissingRequiredKeys() => AssertErrors(
        "name: x\ntask:\n  dataset: digits\ntraining: {}\n",
        "bad.yaml:1:1: budget: missing required key; write budget: {trials: 20} instead",
        "bad.yaml:3:3: task.architecture: missing required key; write architecture: NAME instead",
        "bad.yaml:4:11: training.epochs: missing required key; write epochs: 5 instead");

    [Fact]
    public void WrongType() => AssertErrors(
        $"name: x\n{Task}\ntraining: {{epochs: \"5\"}}\nbudget: {{trials: twelve}}\nseed: 1.5\n",
        "bad.yaml:5:20: training.epochs: expected an integer, got the string \"5\"; write epochs: 5 instead",
        "bad.yaml:6:18: budget.trials: expected an integer, got the string \"twelve\"; write trials: 20 instead",
        "bad.yaml:7:7: seed: expected an integer, got 1.5; write seed: 42 instead");

    [Fact]
    public void ZeroOrNegativeTrials() => AssertErrors(
        Valid("budget: {trials: 0}") + "resources: {workers: 0}\n",
        "bad.yaml:6:18: budget.trials: must be at least 1, got 0; write trials: 20 instead",
        "bad.yaml:7:22: resources.workers: must be at least 1, got 0; write workers: 2 instead");

    [Fact]
    public void InvertedRange() => AssertErrors(
        Valid() + "space:\n  train.lr: {low: 0.1, high: 0.001}\n",
        "bad.yaml:8:13: space[train.lr]: low 0.1 is greater than high 0.001; write {low: 0.001, high: 0.1} instead");

    [Fact]
    public void EmptyOverrideAndEmptyChoices() => AssertErrors(
        Valid() + "space:\n  a: {}\n  b: {choices: []}\n  c:\n",
        "bad.yaml:8:6: space[a]: the override is empty; write a value, {low: …, high: …}, {choices: […]} or {add_choices: […]} instead",
        "bad.yaml:9:16: space[b].choices: the list is empty; write choices: [adam, sgd] instead",
        "bad.yaml:10:5: space[c]: the override is empty; write a value, {low: …, high: …}, {choices: […]} or {add_choices: […]} instead");

    [Fact]
    public void LogRangeWithLowNotPositive() => AssertErrors(
        Valid() + "space:\n  train.lr: {low: 0, high: 0.1, log: true}\n",
        "bad.yaml:8:19: space[train.lr].low: log: true needs low > 0, got 0; write a positive low such as low: 1e-5 instead, or log: false");

    [Fact]
    public void StepThatDoesNotDivideTheRange() => AssertErrors(
        Valid() + "space:\n  cnn.dropout: {low: 0, high: 1, step: 0.3}\n",
        "bad.yaml:8:40: space[cnn.dropout].step: step 0.3 does not divide high - low = 1; write a step that divides it (e.g. step: 0.25) instead");

    [Fact]
    public void UnknownSamplerAndPrunerNames() => AssertErrors(
        Valid() + "sampler: {name: tpee}\npruner: hyperbnd\n",
        "bad.yaml:7:17: sampler.name: unknown sampler \"tpee\"; write tpe instead",
        "bad.yaml:8:9: pruner: unknown pruner \"hyperbnd\"; write hyperband instead");

    [Fact]
    public void UnknownSamplerAndPrunerOptions() => AssertErrors(
        Valid() + "sampler: {name: tpe, options: {n_startup: 5}}\npruner: {name: median, options: {warmup: 1}}\n",
        "bad.yaml:7:32: sampler.options.n_startup: unknown option of sampler tpe; write n_startup_trials instead",
        "bad.yaml:8:34: pruner.options.warmup: unknown option of pruner median; write n_warmup_steps instead");

    [Fact]
    public void OptionOutOfRangeAndOptionRejectedByTheConstructor() => AssertErrors(
        Valid() + "sampler: {name: nsga2, options: {population_size: 1}}\npruner: {name: hyperband, options: {min_resource: 5, max_resource: 2}}\n",
        "bad.yaml:7:51: sampler.options.population_size: must be at least 2, got 1; write e.g. population_size: 2 instead",
        "bad.yaml:8:36: pruner.options: pruner hyperband rejects these options: maxResource (2) must be at least minResource (5) or null for \"auto\"; change them as the message says instead");

    [Fact]
    public void UnknownMetric() => AssertErrors(
        Valid() + "objective: {metric: acuracy}\n",
        "bad.yaml:7:21: objective.metric: unknown metric \"acuracy\"; write accuracy instead");

    [Fact]
    public void DirectionNotMinimizeOrMaximize() => AssertErrors(
        Valid() + "objective: {metric: accuracy, direction: max}\n",
        "bad.yaml:7:42: objective.direction: \"max\" is not a direction; write minimize or maximize instead");

    [Fact]
    public void DatasetAndEnvironmentBothGiven() => AssertErrors(
        "name: x\ntask:\n  dataset: digits\n  environment: cartpole\n  architecture: cnn\ntraining: {epochs: 1}\nbudget: {trials: 1}\n",
        "bad.yaml:4:3: task: both dataset and environment are given; write dataset: (supervised) or environment: (reinforcement learning), not both, instead");

    [Fact]
    public void NeitherDatasetNorEnvironment() => AssertErrors(
        "name: x\ntask:\n  architecture: cnn\ntraining: {epochs: 1}\nbudget: {trials: 1}\n",
        "bad.yaml:3:3: task: neither dataset nor environment is given; write dataset: NAME (supervised) or environment: NAME with algorithm: dqn (reinforcement learning) instead");

    [Fact]
    public void AlgorithmWithoutEnvironment() => AssertErrors(
        "name: x\ntask:\n  dataset: digits\n  algorithm: dqn\n  architecture: cnn\ntraining: {epochs: 1}\nbudget: {trials: 1}\n",
        "bad.yaml:4:14: task.algorithm: algorithm is for reinforcement learning and needs an environment; write environment: NAME instead, or remove algorithm");

    [Fact]
    public void BadDuration() => AssertErrors(
        Valid("budget: {trials: 3, time: 10 minutes, trial_time: 0s}"),
        "bad.yaml:6:27: budget.time: \"10 minutes\" is not a duration; write a positive number with a unit (ms, s, m, h, d), e.g. 90s, 10m, 2h or 1h30m instead",
        "bad.yaml:6:51: budget.trial_time: \"0s\" is not a duration; write a positive number with a unit (ms, s, m, h, d), e.g. 90s, 10m, 2h or 1h30m instead");

    [Fact]
    public void BadDevice() => AssertErrors(
        Valid() + "resources: {devices: [cpu, gpu0, cuda:1, cuda:1]}\n",
        "bad.yaml:7:28: resources.devices[1]: \"gpu0\" is not a device; write auto, cpu, cuda or cuda:N, or a list such as [cpu, cuda:0] instead",
        "bad.yaml:7:42: resources.devices[3]: \"cuda:1\" is listed twice; write each device once instead");

    [Fact]
    public void BadStorageUrl() => AssertErrors(
        Valid() + "storage: mysql://host/db\n",
        "bad.yaml:7:10: storage: Storage URL 'mysql://host/db' has the unknown scheme 'mysql'; write sqlite:///autodnn.db or postgresql://user:password@host:port/database instead");

    [Fact]
    public void DuplicateKey() => AssertErrors(
        Valid() + "seed: 1\nseed: 2\n",
        "bad.yaml:8:1: seed: duplicate key (first at line 7); write each key once instead");

    [Fact]
    public void BadCampaignName() => AssertErrors(
        Valid().Replace("name: x", "name: my campaign", StringComparison.Ordinal),
        "bad.yaml:1:7: name: \"my campaign\" is not a valid campaign name; write letters, digits, '.', '_' or '-' (e.g. name: my-campaign) instead");

    [Fact]
    public void MultiObjectiveWithAPruner() => AssertErrors(
        Valid() + "objective: [accuracy, loss]\npruner: median\n",
        "bad.yaml:8:9: pruner: pruning is not defined for a multi-objective campaign; write pruner: none (or one objective) instead");

    [Fact]
    public void AnOverrideThatMixesARangeAndChoices() => AssertErrors(
        Valid() + "space:\n  x: {low: 1, high: 2, choices: [1, 2]}\n",
        "bad.yaml:8:24: space[x]: choices cannot be combined with low/high/log/step; write either a range or choices instead");

    [Fact]
    public void EveryErrorOfAFileIsReportedAtOnceInFileOrder()
    {
        const string Yaml = """
            name: all-wrong
            task:
              dataset: digits
              architecture: cnn
            training: {epochs: 0}
            space:
              lr: {low: 1, high: 0}
            sampler: {name: gp, options: {candidates: many}}
            objective: {metric: f1, direction: up}
            budget: {trials: -1, time: soon}
            resources: {workers: 0, devices: tpu}
            """;

        CampaignValidationException e = Assert.Throws<CampaignValidationException>(() => CampaignSpec.Parse(Yaml, "all.yaml"));

        Assert.Equal(
            [
                "all.yaml:5:20: training.epochs: must be at least 1, got 0; write epochs: 5 instead",
                "all.yaml:7:7: space[lr]: low 1 is greater than high 0; write {low: 0, high: 1} instead",
                "all.yaml:8:43: sampler.options.candidates: expected an integer, got the string \"many\"; write candidates: 2 instead",
                "all.yaml:9:21: objective.metric: unknown metric \"f1\"; write one of accuracy, balanced_accuracy, f1_macro, f1_micro, f1_weighted, log_loss, precision_macro, precision_micro, precision_weighted, recall_macro, recall_micro, recall_weighted, roc_auc_ovr, roc_auc_ovr_weighted, loss instead",
                "all.yaml:9:36: objective.direction: \"up\" is not a direction; write minimize or maximize instead",
                "all.yaml:10:18: budget.trials: must be at least 1, got -1; write trials: 20 instead",
                "all.yaml:10:28: budget.time: \"soon\" is not a duration; write a positive number with a unit (ms, s, m, h, d), e.g. 90s, 10m, 2h or 1h30m instead",
                "all.yaml:11:22: resources.workers: must be at least 1, got 0; write workers: 2 instead",
                "all.yaml:11:34: resources.devices: \"tpu\" is not a device; write auto, cpu, cuda or cuda:N, or a list such as [cpu, cuda:0] instead",
            ],
            e.Errors.Select(x => x.ToString()));
        Assert.Equal(string.Join(Environment.NewLine, e.Errors), e.Message);
        Assert.Equal(new CampaignError("all.yaml", 5, 20, "training.epochs", "must be at least 1, got 0; write epochs: 5 instead"), e.Errors[0]);
    }

    private static string Valid(string budget = "budget: {trials: 3}") => $"name: x\n{Task}\ntraining: {{epochs: 1}}\n{budget}\n";

    private static void AssertErrors(string yaml, params string[] expected)
    {
        CampaignValidationException e = Assert.Throws<CampaignValidationException>(() => CampaignSpec.Parse(yaml, "bad.yaml"));
        Assert.Equal(string.Join("\n", expected), string.Join("\n", e.Errors.Select(x => x.ToString())));
    }
}
