using AutoDnn.Abstractions.Plugins;

namespace AutoDnn.Plugins.Vision.Architectures;

/// <summary>The [C, H, W] of an image task, checked once so every architecture fails the same clear way.</summary>
internal readonly record struct ImageShape(long Channels, long Height, long Width)
{
    /// <summary>Smallest height and width the architectures accept.</summary>
    public const long MinimumSide = 8;

    public long Features => Channels * Height * Width;

    public static ImageShape Of(TaskSpec task, string plugin)
    {
        ArgumentNullException.ThrowIfNull(task);
        IReadOnlyList<long> s = task.InputShape;
        if (task.Kind != TaskKind.ImageClassification)
            throw new ArgumentException($"{plugin}: serves ImageClassification, but the task is {task.Kind}", nameof(task));
        if (s.Count != 3)
            throw new ArgumentException($"{plugin}: input shape must be [channels, height, width], got [{string.Join(", ", s)}]", nameof(task));
        if (s[1] < MinimumSide || s[2] < MinimumSide)
            throw new ArgumentException($"{plugin}: images must be at least {MinimumSide}×{MinimumSide}, got {s[1]}×{s[2]}", nameof(task));
        return new ImageShape(s[0], s[1], s[2]);
    }
}
