namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>The reinforcement-learning algorithm that trains the architecture against the environment.</summary>
public enum RlAlgorithm
{
    /// <summary>Deep Q-network (replay buffer, target network, ε-greedy).</summary>
    Dqn,

    /// <summary>REINFORCE policy gradient (Monte Carlo returns).</summary>
    Reinforce,
}
