namespace AutoDnn.Training.Rl;

/// <summary>A ring buffer of transitions in preallocated arrays; the oldest transition is overwritten when full.</summary>
internal sealed class ReplayBuffer
{
    private readonly float[] _observations;
    private readonly float[] _next;
    private readonly long[] _actions;
    private readonly float[] _rewards;
    private readonly float[] _terminated;
    private readonly int _size;
    private int _position;

    public ReplayBuffer(int capacity, int observationSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _size = observationSize;
        _observations = new float[(long)capacity * observationSize];
        _next = new float[(long)capacity * observationSize];
        _actions = new long[capacity];
        _rewards = new float[capacity];
        _terminated = new float[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>Stores one transition; <paramref name="terminated"/> (not truncation) stops bootstrapping from <paramref name="next"/>.</summary>
    public void Add(float[] observation, int action, double reward, float[] next, bool terminated)
    {
        observation.CopyTo(_observations, (long)_position * _size);
        next.CopyTo(_next, (long)_position * _size);
        _actions[_position] = action;
        _rewards[_position] = (float)reward;
        _terminated[_position] = terminated ? 1f : 0f;
        _position = (_position + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    /// <summary>Copies <c>batch.Count</c> transitions drawn uniformly with replacement into <paramref name="batch"/>.</summary>
    public void Sample(RlRandom random, ReplayBatch batch)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("the replay buffer is empty.");
        }

        for (int i = 0; i < batch.Count; i++)
        {
            int j = random.NextInt(Count);
            Array.Copy(_observations, (long)j * _size, batch.Observations, (long)i * _size, _size);
            Array.Copy(_next, (long)j * _size, batch.Next, (long)i * _size, _size);
            batch.Actions[i] = _actions[j];
            batch.Rewards[i] = _rewards[j];
            batch.Terminated[i] = _terminated[j];
        }
    }
}
