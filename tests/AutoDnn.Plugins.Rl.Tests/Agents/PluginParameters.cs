namespace AutoDnn.Plugins.Rl.Tests.Agents;

/// <summary>Fixed hyperparameters that learn the built-in environments quickly (found with short runs; see docs/RL.md).</summary>
internal static class PluginParameters
{
    public static Dictionary<string, object?> GridWorldDqn(double lr = 1e-3, int learningStarts = 200) => new()
    {
        ["q-mlp.layers"] = 1,
        ["q-mlp.width"] = 64,
        ["q-mlp.activation"] = "relu",
        ["dqn.target"] = "hard",
        ["dqn.lr"] = lr,
        ["dqn.gamma"] = 0.95,
        ["dqn.batch_size"] = 32,
        ["dqn.buffer_size"] = 10_000,
        ["dqn.target_update"] = 100,
        ["dqn.epsilon_decay_fraction"] = 0.3,
        ["dqn.epsilon_end"] = 0.05,
        ["dqn.double"] = true,
        ["dqn.learning_starts"] = learningStarts,
        ["dqn.train_frequency"] = 1,
        ["dqn.gradient_steps"] = 1,
        ["dqn.max_grad_norm"] = 10.0,
    };

    public static Dictionary<string, object?> CartPoleReinforce() => new()
    {
        ["q-mlp.layers"] = 1,
        ["q-mlp.width"] = 64,
        ["q-mlp.activation"] = "tanh",
        ["reinforce.lr"] = 0.01,
        ["reinforce.gamma"] = 0.99,
        ["reinforce.baseline"] = "running_mean",
        ["reinforce.episodes_per_update"] = 2,
        ["reinforce.entropy_coef"] = 0.0,
        ["reinforce.normalize"] = true,
    };
}
