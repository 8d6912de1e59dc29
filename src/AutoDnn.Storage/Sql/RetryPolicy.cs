namespace AutoDnn.Storage.Sql;

/// <summary>Bounded retries with jittered exponential back-off for transactions that hit a busy or locked database.</summary>
internal sealed class RetryPolicy
{
    private readonly Func<Exception, bool> _isTransient;
    private readonly int _maxAttempts;
    private readonly TimeSpan _maxDelay;

    public RetryPolicy(Func<Exception, bool> isTransient, int maxAttempts, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _isTransient = isTransient;
        _maxAttempts = maxAttempts;
        _maxDelay = maxDelay;
    }

    /// <summary>Runs the action; on a transient error waits a random 1..2^n ms (capped) and runs it again, up to the bound.</summary>
    public T Run<T>(Func<T> action, string what, string where)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return action();
            }
            catch (Exception e) when (_isTransient(e))
            {
                if (attempt >= _maxAttempts)
                {
                    throw new StorageBusyException(
                        $"{what} on {where} still found the database busy after {attempt} attempts: {e.Message}", e);
                }

                // Random jitter keeps many workers that collided once from colliding again in lock step.
                double capMs = Math.Min(_maxDelay.TotalMilliseconds, Math.Pow(2, Math.Min(attempt, 16)));
                Thread.Sleep(TimeSpan.FromMilliseconds(1 + (Random.Shared.NextDouble() * capMs)));
            }
        }
    }
}
