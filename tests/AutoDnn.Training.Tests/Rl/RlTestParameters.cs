namespace AutoDnn.Training.Tests.Rl;

/// <summary>Fixed hyperparameter sets for the runner tests (fast learners on the line walk).</summary>
internal static class RlTestParameters
{
    public static Dictionary<string, object?> Dqn(double lr = 3e-3, bool doubleDqn = true, string target = "hard") => new()
    {
        ["small-mlp.width"] = 32,
        ["dqn.target"] = target,
        ["dqn.lr"] = lr,
        ["dqn.gamma"] = 0.9,
        ["dqn.batch_size"] = 32,
        ["dqn.buffer_size"] = 10_000,
        [target == "hard" ? "dqn.target_update" : "dqn.tau"] = target == "hard" ? 50 : 0.05,
        ["dqn.epsilon_decay_fraction"] = 0.3,
        ["dqn.epsilon_end"] = 0.05,
        ["dqn.double"] = doubleDqn,
        ["dqn.learning_starts"] = 100,
        ["dqn.train_frequency"] = 1,
        ["dqn.gradient_steps"] = 1,
        ["dqn.max_grad_norm"] = 10.0,
    };

    public static Dictionary<string, object?> Reinforce(string baseline = "running_mean") => new()
    {
        ["small-mlp.width"] = 32,
        ["reinforce.lr"] = 1e-2,
        ["reinforce.gamma"] = 0.95,
        ["reinforce.baseline"] = baseline,
        ["reinforce.value_lr"] = 1e-2,
        ["reinforce.episodes_per_update"] = 2,
        ["reinforce.entropy_coef"] = 0.0,
        ["reinforce.normalize"] = true,
    };
}
