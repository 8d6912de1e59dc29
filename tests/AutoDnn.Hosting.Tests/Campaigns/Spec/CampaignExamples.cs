namespace AutoDnn.Hosting.Tests.Campaigns.Spec;

/// <summary>The campaign files the tests share: the full example of docs/CAMPAIGNS.md and a minimal file.</summary>
internal static class CampaignExamples
{
    public const string Full = """
        name: quickstart                 # required; the campaign = a study of this name in the storage
        description: Digits with a small CNN
        storage: sqlite:///autodnn.db    # optional; default AUTODNN_STORAGE or sqlite:///autodnn.db (StorageUrl.Parse)
        plugins: [./my-plugins]          # optional extra plugin folders, relative to the YAML file's folder
        seed: 42                         # campaign seed: CV folds, sampler seed default, trial seeds derive from it
        task:
          dataset: {name: sklearn-digits, options: {test_fraction: "0.2"}}   # supervised; or just: dataset: sklearn-digits
          architecture: simple-cnn                                          # or {name: simple-cnn}
          augmenters: [random-crop, {name: gaussian-noise}]                 # optional
          # RL instead of dataset: environment: {name: cartpole, options: {}}, algorithm: dqn | reinforce
        training:                        # supervised: epochs (req.), early_stopping (patience), max_examples, final_epochs
          epochs: 5                      # RL: steps (per seed), eval_every, eval_episodes
        space:                           # overrides of hyperparameters by name, applied when a plugin suggests that name
          train.lr: {low: 0.001, high: 0.1, log: true}     # a range (narrow or widen; log/step optional)
          simple-cnn.blocks: 2                             # fix a value
          train.optimizer: {choices: [adam, sgd]}          # replace the choices
          simple-cnn.pool: {add_choices: [lp]}             # add choices to the plugin's own
        sampler: {name: tpe, seed: 1, options: {n_startup_trials: 5}}   # gp (default) | tpe | random | grid | nsga2
        pruner: {name: median, options: {n_startup_trials: 3, n_warmup_steps: 1}}  # none (default) | median | percentile |
                                         # successive-halving | hyperband | threshold | patient | wilcoxon
        cv: {kind: stratified, folds: 3} # stratified (default) | kfold | holdout (+ holdout_fraction); RL: folds = seeds
        objective: {metric: accuracy, direction: maximize}  # direction defaults to the metric's; a list = multi-objective
        budget: {trials: 12, time: 10m, trial_time: 2m}    # trials required; durations like 90s, 10m, 2h
        resources: {workers: 2, devices: auto, trials_per_device: 1, threads_per_trial: 1}  # devices: auto | cpu | [cpu, cuda:0]
        """;

    public const string Minimal = """
        name: minimal
        task:
          dataset: sklearn-digits
          architecture: simple-cnn
        training:
          epochs: 2
        budget:
          trials: 3
        """;
}
