namespace AutoDnn.Abstractions.Plugins;

/// <summary>The outcome of one environment step, as in Gymnasium: terminated ends the task, truncated cuts it short.</summary>
public readonly record struct StepResult(float[] Observation, double Reward, bool Terminated, bool Truncated);
