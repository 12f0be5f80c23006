using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Infrastructure.Live;

/// <summary>
/// One read per change, shared by every viewer of a patient: a read of a part of the record is started once and
/// handed to every caller that asks for the same thing while nothing it depends on has changed. What is kept here
/// is the same for every viewer (an immutable snapshot of the record); each viewer applies its own access decision
/// to it afterwards. Nothing here decides access or is built for one user.
/// </summary>
/// <remarks>
/// Each (patient, section) has a generation, bumped by <see cref="Changed(PathwayChange)"/> when the notifier hears of a change
/// (before any subscriber is told). A read remembers the generations it started under, so a change during a read
/// makes the next caller start a new one: a change is never lost. A failed read is not kept. Only the newest read
/// per (patient, key) is kept, for at most <see cref="KeptFor"/> after its last use; and no read older than
/// <see cref="KeptFor"/> is handed out, so data that no change announces (an organisation renamed, a change missed
/// while the bus between instances was down) is at most that old.
/// </remarks>
public sealed class SharedReads(IDbContextFactory<CareDbContext> databases, TimeProvider clock)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(30);

    private static readonly PatientSection[] AllSections = Enum.GetValues<PatientSection>();

    private readonly object gate = new();
    private readonly Dictionary<(Guid Patient, PatientSection Section), long> generations = [];
    private readonly Dictionary<AudienceKey, long> audienceGenerations = [];
    private readonly Dictionary<(Guid Patient, string Key), Entry> entries = [];
    private long lastGeneration;
    private long readsStarted;
    private readonly Dictionary<string, long> readsByKey = [];
    private readonly Dictionary<string, long> updatesByKey = [];
    private readonly Dictionary<AudienceKey, CitizenChanges> audienceChanges = [];
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    /// <summary>How many reads have been started (not joined), for tests and diagnostics.</summary>
    public long ReadsStarted => Interlocked.Read(ref readsStarted);

    /// <summary>How many reads of this key (of any patient) have been started, for tests and diagnostics.</summary>
    public long ReadsOf(string key)
    {
        lock (gate)
            return readsByKey.GetValueOrDefault(key);
    }

    /// <summary>How many of the reads of this key only updated the previous read's changed citizens, for tests and diagnostics.</summary>
    public long UpdatesOf(string key)
    {
        lock (gate)
            return updatesByKey.GetValueOrDefault(key);
    }

    /// <summary>How many reads are kept right now, for tests and diagnostics.</summary>
    public int Kept
    {
        get
        {
            lock (gate)
                return entries.Count;
        }
    }

    /// <summary>Something in a section of the patient changed (all sections when none is given).</summary>
    public void Changed(Guid patientId, PatientSection? section = null)
    {
        lock (gate)
        {
            var generation = ++lastGeneration;
            foreach (var changed in section is { } one ? [one] : AllSections)
                generations[(patientId, changed)] = generation;
        }
    }

    /// <summary>
    /// A change: its patient's section, and every audience it names (a unit's triage board). A change to who is on a care
    /// team, to a person's details or to the patient's consents and blocks may move anyone in or out of any audience, so it
    /// counts for all of them.
    /// </summary>
    public void Changed(PathwayChange change)
    {
        Changed(change.PatientId, change.Section);
        lock (gate)
        {
            var generation = ++lastGeneration;
            var everyone = change.Section is PatientSection.CareTeam or PatientSection.MasterData or PatientSection.Consents;
            var audiences = everyone ? audienceGenerations.Keys.ToList() : change.SeenBy ?? (IReadOnlyList<AudienceKey>)[];
            foreach (var audience in audiences)
            {
                audienceGenerations[audience] = generation;
                ChangesOf(audience).Add(generation, everyone ? null : change.PatientId);
            }
        }
    }

    /// <summary>Something an audience's reads depend on changed that no patient's change announces (a unit's settings).</summary>
    public void Changed(AudienceKey audience)
    {
        lock (gate)
        {
            var generation = ++lastGeneration;
            audienceGenerations[audience] = generation;
            ChangesOf(audience).Add(generation, null);
        }
    }

    private CitizenChanges ChangesOf(AudienceKey audience)
    {
        if (!audienceChanges.TryGetValue(audience, out var changes))
            audienceChanges[audience] = changes = new CitizenChanges();
        return changes;
    }

    /// <summary>
    /// Like <see cref="GetAsync{T}"/> for data that is not one patient's but one audience's (a unit's triage board): read
    /// anew after any change that names <paramref name="audience"/>. With <paramref name="update"/>, when every change since
    /// the kept read named one citizen (a change form recorded for a patient), the new read is that kept read with only
    /// those citizens read again (<paramref name="update"/> is given the kept result and the citizens); anything else
    /// (a change to a care team, to consents, to the unit's settings, a failed or too old read, another stamp) reads it all.
    /// Each update starts from the read it replaces, so updates run one after the other and none is lost.
    /// </summary>
    public Task<T> GetForAudienceAsync<T>(AudienceKey audience, string key, Func<CareDbContext, CancellationToken, Task<T>> read,
        long stamp = 0, CancellationToken ct = default,
        Func<CareDbContext, T, IReadOnlySet<Guid>, CancellationToken, Task<T>>? update = null)
    {
        return GetOrStartAsync(Guid.Empty, audience.Value + "/" + key, () =>
        {
            if (!audienceGenerations.TryGetValue(audience, out var generation))
                audienceGenerations[audience] = generation = ++lastGeneration;
            return [generation, stamp];
        }, read, fresh: false, ct, update is null ? null : (kept, current) => UpdateOf(audience, kept, current, read, update));
    }

    /// <summary>
    /// The kept read with only the citizens changed since it started read again, or null when it must be read in full
    /// (called under the lock; <paramref name="current"/> is [generation, stamp]).
    /// </summary>
    private Func<CareDbContext, CancellationToken, Task<object?>>? UpdateOf<T>(AudienceKey audience, Entry kept, long[] current,
        Func<CareDbContext, CancellationToken, Task<T>> read, Func<CareDbContext, T, IReadOnlySet<Guid>, CancellationToken, Task<T>> update)
    {
        if (kept.Generations.Length != 2 || kept.Generations[1] != current[1] || kept.Read.IsFaulted || kept.Read.IsCanceled
            || !audienceChanges.TryGetValue(audience, out var changes)
            || changes.CitizensBetween(kept.Generations[0], current[0]) is not { Count: > 0 } citizens)
        {
            return null;
        }
        var previous = kept.Read;
        return async (db, c) =>
        {
            T before;
            try
            {
                before = (T)(await previous)!;
            }
            catch (Exception)
            {
                // The kept read failed: read it all (the failure is the kept read's to report).
                return await read(db, c);
            }
            return await update(db, before, citizens, c);
        };
    }

    /// <summary>
    /// The result of <paramref name="read"/> for this patient and key: joined if a read started under the current
    /// generations of <paramref name="dependsOn"/> is running or done, otherwise started now. <paramref name="fresh"/>
    /// always starts a new read. A read is only joined under the same <paramref name="stamp"/> too (e.g. the day a
    /// relationship was judged on). The read itself is not cancelled by <paramref name="ct"/> (others may share it);
    /// only this caller's wait is.
    /// </summary>
    public Task<T> GetAsync<T>(Guid patientId, string key, IReadOnlyList<PatientSection> dependsOn,
        Func<CareDbContext, CancellationToken, Task<T>> read, bool fresh = false, long stamp = 0, CancellationToken ct = default)
    {
        return GetOrStartAsync(patientId, key, () => [.. dependsOn.Select(s => generations.GetValueOrDefault((patientId, s))), stamp], read, fresh, ct);
    }

    /// <param name="dependsOn">The generations the read depends on now; called under the lock, after the sweep.</param>
    /// <param name="updateOf">Given the kept read and the current generations, how to update it instead of reading anew (or null).</param>
    private async Task<T> GetOrStartAsync<T>(Guid patientId, string key, Func<long[]> dependsOn, Func<CareDbContext, CancellationToken, Task<T>> read,
        bool fresh, CancellationToken ct, Func<Entry, long[], Func<CareDbContext, CancellationToken, Task<object?>>?>? updateOf = null)
    {
        ct.ThrowIfCancellationRequested();
        Entry entry;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            SweepIfDue(now);
            var current = dependsOn();
            var kept = entries.GetValueOrDefault((patientId, key));
            if (fresh || kept is null || !kept.CanServe(current, now))
            {
                // An update keeps the age of the full read it started from: no data older than KeptFor is handed out.
                var update = !fresh && kept is not null && now - kept.ReadInFullAt <= KeptFor ? updateOf?.Invoke(kept, current) : null;
                entry = update is null
                    ? new Entry(current, now, StartRead(patientId, key, read))
                    : new Entry(current, kept!.ReadInFullAt, StartRead(patientId, key, update));
                entries[(patientId, key)] = entry;
                readsStarted++;
                readsByKey[key] = readsByKey.GetValueOrDefault(key) + 1;
                if (update is not null)
                    updatesByKey[key] = updatesByKey.GetValueOrDefault(key) + 1;
            }
            else
            {
                entry = kept;
            }
            entry.LastUsed = now;
        }
        return (T)(await entry.Read.WaitAsync(ct))!;
    }

    private Task<object?> StartRead<T>(Guid patientId, string key, Func<CareDbContext, CancellationToken, Task<T>> read)
    {
        var task = Task.Run(async () =>
        {
            await using var db = await databases.CreateDbContextAsync();
            return (object?)await read(db, CancellationToken.None);
        });
        _ = task.ContinueWith(failed => Forget(patientId, key, failed), CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>A failed read is not kept: the next caller reads again.</summary>
    private void Forget(Guid patientId, string key, Task<object?> failed)
    {
        lock (gate)
        {
            if (entries.TryGetValue((patientId, key), out var entry) && ReferenceEquals(entry.Read, failed))
                entries.Remove((patientId, key));
        }
    }

    /// <summary>Drops reads nobody used lately, and the generations of patients nobody reads (called under the lock).</summary>
    private void SweepIfDue(DateTimeOffset now)
    {
        if (now < nextSweep)
            return;
        nextSweep = now + KeptFor;
        foreach (var (key, entry) in entries.Where(e => now - e.Value.LastUsed > KeptFor).ToList())
            entries.Remove(key);
        // A patient with no kept read needs no generation: the next read starts fresh anyway.
        var read = entries.Keys.Select(k => k.Patient).ToHashSet();
        foreach (var key in generations.Keys.Where(k => !read.Contains(k.Patient)).ToList())
            generations.Remove(key);
        foreach (var audience in audienceGenerations.Keys.Where(a => !entries.Keys.Any(k => k.Key.StartsWith(a.Value + "/", StringComparison.Ordinal))).ToList())
        {
            audienceGenerations.Remove(audience);
            audienceChanges.Remove(audience);
        }
        // Changes older than every kept read of the audience are not needed to update any of them.
        foreach (var (audience, changes) in audienceChanges)
        {
            var oldest = entries.Where(e => e.Key.Key.StartsWith(audience.Value + "/", StringComparison.Ordinal) && e.Value.Generations.Length > 0)
                .Select(e => e.Value.Generations[0]).DefaultIfEmpty(long.MaxValue).Min();
            changes.ForgetUpTo(oldest);
        }
    }

    /// <param name="readInFullAt">When the oldest data in the read was read: its start, or for an update the full read's.</param>
    private sealed class Entry(long[] generations, DateTimeOffset readInFullAt, Task<object?> read)
    {
        public Task<object?> Read { get; } = read;

        public long[] Generations { get; } = generations;

        public DateTimeOffset ReadInFullAt { get; } = readInFullAt;

        public DateTimeOffset LastUsed { get; set; }

        public bool CanServe(long[] current, DateTimeOffset now) =>
            !Read.IsFaulted && !Read.IsCanceled && now - ReadInFullAt <= KeptFor && Generations.AsSpan().SequenceEqual(current);
    }

    /// <summary>
    /// The changes an audience heard of, in order: each the citizen it named, or none when it may concern anyone (then a
    /// read from before it must be read in full). Not thread-safe: used under the lock.
    /// </summary>
    private sealed class CitizenChanges
    {
        // Past this many, a kept read is read in full anyway: nothing is gained by updating it citizen by citizen.
        private const int MostKept = 200;
        private readonly List<(long Generation, Guid? Citizen)> changes = [];
        private long everyoneUpTo;

        public void Add(long generation, Guid? citizen)
        {
            if (citizen is null || changes.Count >= MostKept)
            {
                everyoneUpTo = generation;
                changes.Clear();
                return;
            }
            changes.Add((generation, citizen));
        }

        /// <summary>The citizens named after <paramref name="from"/> up to <paramref name="to"/>; null if any change may concern anyone.</summary>
        public IReadOnlySet<Guid>? CitizensBetween(long from, long to)
        {
            if (everyoneUpTo > from)
                return null;
            return changes.Where(c => c.Generation > from && c.Generation <= to).Select(c => c.Citizen!.Value).ToHashSet();
        }

        public void ForgetUpTo(long generation) => changes.RemoveAll(c => c.Generation <= generation);
    }
}
