using System.Collections.Concurrent;
using AutoDnn.Search.Storage;
using AutoDnn.Search.Trials;
using AutoDnn.Storage;
using AutoDnn.Storage.Sql;

namespace AutoDnn.Web.Data;

/// <summary>The viewer's read-only window on a store: campaign snapshots cached for a refresh interval, trial details read fresh.</summary>
/// <remarks>
/// A stale snapshot is served while one background read replaces it, so a page over a big campaign never waits for the
/// whole study to be read again; only the very first read of a campaign is synchronous.
/// </remarks>
internal sealed class ViewerStore : IDisposable
{
    private readonly SqlStudyStorage _storage;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _time;
    private readonly Action<CampaignSnapshot, CampaignSnapshot>? _prepare;
    private readonly ConcurrentDictionary<long, Entry> _campaigns = new();
    private readonly Lock _studiesLock = new();
    private (DateTimeOffset At, IReadOnlyList<StudyRecord> Studies)? _studies;

    /// <param name="storage">The store to read (owned: disposed with this).</param>
    /// <param name="maxAge">How old a snapshot may get before it is read again.</param>
    /// <param name="time">The clock (tests pass a fake one).</param>
    /// <param name="prepare">
    /// Runs on the background read, with the old and the new snapshot, before the new one is served (the viewer builds
    /// the new one's charts there when the old one's were used, so no page request waits for them).
    /// </param>
    public ViewerStore(SqlStudyStorage storage, TimeSpan maxAge, TimeProvider? time = null, Action<CampaignSnapshot, CampaignSnapshot>? prepare = null)
    {
        _storage = storage;
        _maxAge = maxAge;
        _time = time ?? TimeProvider.System;
        _prepare = prepare;
    }

    /// <summary>Where the data lives, for page footers.</summary>
    public string Location => _storage.Location;

    public IReadOnlyList<StudyRecord> Studies()
    {
        lock (_studiesLock)
        {
            DateTimeOffset now = _time.GetUtcNow();
            if (_studies is not { } s || now - s.At > _maxAge)
            {
                _studies = (now, _storage.GetAllStudies());
            }

            return _studies.Value.Studies;
        }
    }

    /// <summary>The campaign's snapshot, or null when no study has that id.</summary>
    public CampaignSnapshot? Campaign(long studyId)
    {
        Entry entry = _campaigns.GetOrAdd(studyId, id => new Entry(id));
        CampaignSnapshot? current = entry.Snapshot;
        if (current is null)
        {
            lock (entry)
            {
                if (entry.Snapshot is null)
                {
                    StudyRecord? study = Studies().FirstOrDefault(s => s.StudyId == studyId) ?? FreshStudy(studyId);
                    if (study is null)
                    {
                        _campaigns.TryRemove(studyId, out _);
                        return null;
                    }

                    entry.Snapshot = Load(study);
                }

                return entry.Snapshot;
            }
        }

        // A campaign that takes long to read is re-read less often (at most a quarter of the time spent reading).
        TimeSpan maxAge = _maxAge > 4 * current.LoadDuration ? _maxAge : 4 * current.LoadDuration;
        if (_time.GetUtcNow() - current.LoadedAt > maxAge && Interlocked.Exchange(ref entry.Refreshing, 1) == 0)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    CampaignSnapshot fresh = Load(current.Study);
                    _prepare?.Invoke(current, fresh);
                    entry.Snapshot = fresh;
                }
                catch (Exception e) when (e is InvalidOperationException or IOException or System.Data.Common.DbException or KeyNotFoundException)
                {
                    // The old snapshot stays; the next request tries again. Storage errors name the database already.
                    entry.LastError = e;
                }
                finally
                {
                    Volatile.Write(ref entry.Refreshing, 0);
                }
            });
        }

        return current;
    }

    /// <summary>Reads the campaign now, bypassing the cache (tests and the benchmark use it).</summary>
    public CampaignSnapshot? CampaignNow(long studyId)
    {
        StudyRecord? study = FreshStudy(studyId);
        if (study is null)
        {
            return null;
        }

        CampaignSnapshot snapshot = Load(study);
        _campaigns.GetOrAdd(studyId, id => new Entry(id)).Snapshot = snapshot;
        return snapshot;
    }

    /// <summary>The trial as stored now (details pages want the newest curves), or null.</summary>
    public FrozenTrial? Trial(long trialId)
    {
        try
        {
            return _storage.GetTrial(trialId);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    public TrialProvenance? Provenance(long trialId) => _storage.GetProvenance(trialId);

    public IReadOnlyList<TrialArtifact> Artifacts(long trialId) => _storage.GetArtifacts(trialId);

    public void Dispose() => _storage.Dispose();

    private StudyRecord? FreshStudy(long studyId)
    {
        try
        {
            return _storage.GetStudy(studyId);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private CampaignSnapshot Load(StudyRecord study)
    {
        DateTimeOffset at = _time.GetUtcNow();
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        IReadOnlyList<FrozenTrial> trials = _storage.GetAllTrials(study.StudyId);
        return new CampaignSnapshot(study, trials, at) { LoadDuration = System.Diagnostics.Stopwatch.GetElapsedTime(start) };
    }

    private sealed class Entry(long studyId)
    {
        public long StudyId { get; } = studyId;

        public volatile CampaignSnapshot? Snapshot;

        public int Refreshing;

        public Exception? LastError;
    }
}
