namespace AutoDnn.Storage;

/// <summary>Beats a Running trial's heartbeat on a timer until disposed, so that a crashed worker's trial can be failed and retried.</summary>
/// <remarks>
/// A failed beat (e.g. the database unreachable for a moment) does not stop training: it is kept in <see cref="LastError"/>
/// and the next beat tries again. When storage reports the trial is no longer Running, <see cref="IsStopped"/> turns true.
/// </remarks>
public sealed class TrialHeartbeat : IDisposable
{
    private readonly ITrialRecordStore _store;
    private readonly long _trialId;
    private readonly Timer _timer;
    private int _beating;

    private TrialHeartbeat(ITrialRecordStore store, long trialId, TimeSpan interval)
    {
        _store = store;
        _trialId = trialId;
        _timer = new Timer(_ => Beat(), null, TimeSpan.Zero, interval);
    }

    /// <summary>True once storage said the trial is no longer Running (it was failed as stale, or finished elsewhere).</summary>
    public bool IsStopped { get; private set; }

    /// <summary>The error of the latest beat that failed, or null when the latest beat succeeded.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Beats now and then every <paramref name="interval"/> (choose it well below the grace period used to fail stale trials).</summary>
    public static TrialHeartbeat Start(ITrialRecordStore store, long trialId, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new TrialHeartbeat(store, trialId, interval);
    }

    public void Dispose() => _timer.Dispose();

    private void Beat()
    {
        // Timer callbacks can overlap when a beat is slower than the interval; one at a time is enough.
        if (Interlocked.Exchange(ref _beating, 1) == 1)
        {
            return;
        }

        try
        {
            IsStopped = !_store.RecordHeartbeat(_trialId);
            LastError = null;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Data.Common.DbException)
        {
            LastError = e;
        }
        finally
        {
            Volatile.Write(ref _beating, 0);
        }
    }
}
