namespace AutoDnn.Training.Rl;

/// <summary>Reusable arrays for one sampled minibatch of transitions.</summary>
internal sealed class ReplayBatch(int count, int observationSize)
{
    public int Count { get; } = count;

    public float[] Observations { get; } = new float[count * observationSize];

    public float[] Next { get; } = new float[count * observationSize];

    public long[] Actions { get; } = new long[count];

    public float[] Rewards { get; } = new float[count];

    public float[] Terminated { get; } = new float[count];
}
