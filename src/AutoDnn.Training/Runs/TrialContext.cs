using AutoDnn.Torch;

namespace AutoDnn.Training.Runs;

/// <summary>What the worker hands a runner for one trial besides the trial itself.</summary>
public sealed record TrialContext
{
    /// <summary>The trial's seed: folds, weight init, shuffling, augmentation and environments derive from it.</summary>
    public required int Seed { get; init; }

    /// <summary>Where tensors and models live (CPU unless the campaign assigns a CUDA device).</summary>
    public Device Device { get; init; } = Device.Cpu;

    /// <summary>Stops the trial: Ctrl+C, the per-trial time limit, or a heartbeat that found the trial failed.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Live progress for the console (fold, epoch, metric); may be null.</summary>
    public IProgress<TrainingProgress>? Progress { get; init; }
}
