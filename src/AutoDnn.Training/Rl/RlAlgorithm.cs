namespace AutoDnn.Training.Rl;

/// <summary>The learning algorithm an <see cref="RlTrialRunner"/> trains with.</summary>
public enum RlAlgorithm
{
    /// <summary>Deep Q-learning: replay buffer, target network, ε-greedy exploration, optional Double DQN.</summary>
    Dqn,

    /// <summary>Monte-Carlo policy gradient (REINFORCE) with a running-mean or learned baseline.</summary>
    Reinforce,
}
