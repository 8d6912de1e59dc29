using AutoDnn.Training.Rl;

namespace AutoDnn.Training.Tests.Rl;

public sealed class ReplayBufferTests
{
    [Fact]
    public void Overwrites_the_oldest_transition_when_full()
    {
        var buffer = new ReplayBuffer(capacity: 3, observationSize: 2);
        for (int i = 0; i < 5; i++)
        {
            buffer.Add([i, -i], action: i % 2, reward: i, next: [i + 1, -(i + 1)], terminated: i == 4);
        }

        Assert.Equal(3, buffer.Count);
        var batch = new ReplayBatch(200, 2);
        buffer.Sample(new RlRandom(1), batch);

        // Only transitions 2, 3 and 4 remain, each drawn with its own observation, action, reward and flags.
        Assert.Equal([2f, 3f, 4f], batch.Rewards.Distinct().Order().ToArray());
        for (int i = 0; i < batch.Count; i++)
        {
            float r = batch.Rewards[i];
            Assert.Equal([r, -r], batch.Observations.AsSpan(2 * i, 2).ToArray());
            Assert.Equal([r + 1, -(r + 1)], batch.Next.AsSpan(2 * i, 2).ToArray());
            Assert.Equal((long)r % 2, batch.Actions[i]);
            Assert.Equal(r == 4 ? 1f : 0f, batch.Terminated[i]);
        }
    }

    [Fact]
    public void Same_generator_seed_draws_the_same_batch()
    {
        var buffer = new ReplayBuffer(100, 1);
        for (int i = 0; i < 100; i++)
        {
            buffer.Add([i], 0, i, [i], false);
        }

        var a = new ReplayBatch(32, 1);
        var b = new ReplayBatch(32, 1);
        buffer.Sample(new RlRandom(7), a);
        buffer.Sample(new RlRandom(7), b);

        Assert.Equal(a.Rewards, b.Rewards);
        Assert.True(a.Rewards.Distinct().Count() > 20);
    }

    [Fact]
    public void Sampling_an_empty_buffer_throws()
    {
        Assert.Throws<InvalidOperationException>(() => new ReplayBuffer(4, 1).Sample(new RlRandom(0), new ReplayBatch(2, 1)));
    }
}
