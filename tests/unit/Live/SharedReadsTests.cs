using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.UnitTests.Realtime;
using CareWorkspace.Web.Features.CareTeam;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.UnitTests.Live;

/// <summary>
/// The shared-read cache: one read for all viewers, each viewer's own access decision on it, no change lost,
/// nothing served after a revocation, failures not kept, and memory bounded.
/// </summary>
public sealed class SharedReadsTests : IAsyncDisposable
{
    private static readonly Guid PatientId = Guid.NewGuid();
    private static readonly Guid GpOrganisation = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly Actor Gp = new("user-gp", "Dr. Lund", UserRole.GeneralPractitioner, GpOrganisation, "Lægehuset");
    private static readonly Actor Daughter = new("user-daughter", "Mette", UserRole.Relative, null, null);

    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingStore store = new();
    private readonly AccessRecordWriter writer;
    private readonly SharedReads shared;
    private readonly PatientAccessGuard guard;

    public SharedReadsTests()
    {
        writer = new AccessRecordWriter(store.SaveAsync, NullLogger<AccessRecordWriter>.Instance);
        shared = new SharedReads(new UnopenedDatabases(), clock);
        guard = new PatientAccessGuard(clock, NullLogger<PatientAccessGuard>.Instance, shared, writer);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_viewers_with_different_access_share_one_read_and_each_see_only_what_they_may()
    {
        // The daughter's consent covers the care team but not the relatives.
        var relationship = Relationship(new RelativeConsent(PatientId, Daughter.UserId, [PatientSection.CareTeam], clock.GetUtcNow()));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var snapshotReads = 0;
        async Task<CareTeamSnapshot> ReadSnapshot()
        {
            Interlocked.Increment(ref snapshotReads);
            await gate.Task;
            return Snapshot();
        }

        var views = new[] { Gp, Daughter, Gp, Daughter }
            .Select(actor => CareTeamViewAsync(actor, relationship, ReadSnapshot))
            .ToList();
        gate.SetResult();
        var seen = await Task.WhenAll(views);

        Assert.Equal(1, snapshotReads);
        Assert.Equal(["Mette Lund"], seen[0].Relatives!.Select(r => r.Name));
        Assert.Null(seen[1].Relatives);
        Assert.False(seen[1].Can.EditRelatives);
        Assert.Equal(seen[0].Members, seen[1].Members.Select(m => m with { CanChange = seen[0].Members[0].CanChange }));
        var records = store.Saved;
        Assert.Equal(2, records.Count(r => r.UserId == Daughter.UserId && r.Section == PatientSection.CareTeam && r.Allowed));
        Assert.DoesNotContain(records, r => r.UserId == Daughter.UserId && r.Section == PatientSection.Relatives);
        Assert.Equal(2, records.Count(r => r.UserId == Gp.UserId && r.Section == PatientSection.Relatives && r.Allowed));
    }

    [Fact]
    public async Task A_change_during_a_read_makes_the_next_caller_read_again()
    {
        var first = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        // Each caller brings its own read, so which one runs first on the thread pool does not matter.
        Task<string> Get(Func<Task<string>> read) => shared.GetAsync(PatientId, CareTeamSnapshot.Key, [PatientSection.CareTeam], (_, _) =>
        {
            Interlocked.Increment(ref reads);
            return read();
        }, ct: Ct);

        var before = Get(() => first.Task);
        var joined = Get(() => Task.FromResult("joined, so never read"));
        shared.Changed(PatientId, PatientSection.CareTeam);
        var after = await Get(() => Task.FromResult("after the change"));
        first.SetResult("before the change");

        Assert.Equal("after the change", after);
        Assert.Equal("before the change", await before);
        Assert.Equal("before the change", await joined);
        Assert.Equal("after the change", await Get(() => Task.FromResult("a third read")));
        Assert.Equal(2, reads);
        Assert.Equal(2, shared.ReadsStarted);
    }

    [Fact]
    public async Task A_change_to_another_section_or_patient_does_not_start_a_new_read()
    {
        var reads = 0;
        Task<int> Get() => shared.GetAsync(PatientId, CareTeamSnapshot.Key, CareTeamSnapshot.DependsOn, (_, _) => Task.FromResult(Interlocked.Increment(ref reads)), ct: Ct);

        await Get();
        shared.Changed(PatientId, PatientSection.Messages);
        shared.Changed(Guid.NewGuid(), PatientSection.CareTeam);
        await Get();
        shared.Changed(PatientId);
        await Get();

        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task Nothing_is_served_after_a_consent_is_withdrawn_and_the_refusal_is_recorded()
    {
        var consent = new RelativeConsent(PatientId, Daughter.UserId, [PatientSection.CareTeam, PatientSection.Relatives], clock.GetUtcNow());
        var stored = Relationship(consent);
        Task<PatientRelationship> ReadRelationship() => shared.GetAsync(PatientId, "relationship", [PatientSection.Consents, PatientSection.CareTeam],
            (_, _) => Task.FromResult(stored), ct: Ct);
        await using var notifier = new PathwayNotifier(NullLogger<PathwayNotifier>.Instance, clock);
        using var _ = notifier.BeforeDelivery(shared.Changed);

        await guard.RecordSharedReadAsync(Daughter, await ReadRelationship(), PatientSection.CareTeam, "Care team", Ct);
        stored = Relationship();
        notifier.PathwayChanged(new PathwayChange(PatientId, PatientSection.Consents));

        var afterWithdrawal = await ReadRelationship();
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() =>
            guard.RecordSharedReadAsync(Daughter, afterWithdrawal, PatientSection.CareTeam, "Care team", Ct));
        var last = store.Saved[^1];
        Assert.Equal((Daughter.UserId, PatientSection.CareTeam, false), (last.UserId, last.Section, last.Allowed));
    }

    [Fact]
    public async Task A_change_from_another_instance_starts_a_new_read_too()
    {
        var bus = new FakePathwayBus();
        await using var notifier = new PathwayNotifier(NullLogger<PathwayNotifier>.Instance, clock, bus);
        using var _ = notifier.BeforeDelivery(shared.Changed);
        var reads = 0;
        Task<int> Get() => shared.GetAsync(PatientId, CareTeamSnapshot.Key, [PatientSection.CareTeam], (_, _) => Task.FromResult(Interlocked.Increment(ref reads)), ct: Ct);

        await Get();
        bus.DeliverRemote(new PathwayChange(PatientId, PatientSection.CareTeam) { Origin = "other instance" });

        Assert.Equal(2, await Get());
    }

    [Fact]
    public async Task A_failed_read_is_not_kept()
    {
        var reads = 0;
        Task<string> Get() => shared.GetAsync(PatientId, CareTeamSnapshot.Key, [PatientSection.CareTeam], (_, _) =>
            Interlocked.Increment(ref reads) == 1
                ? Task.FromException<string>(new TimeoutException("The database did not answer."))
                : Task.FromResult("read"), ct: Ct);

        await Assert.ThrowsAsync<TimeoutException>(Get);

        Assert.Equal("read", await Get());
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_fresh_read_bypasses_what_is_kept()
    {
        var reads = 0;
        Task<int> Get(bool fresh) => shared.GetAsync(PatientId, CareTeamSnapshot.Key, [PatientSection.CareTeam], (_, _) => Task.FromResult(Interlocked.Increment(ref reads)), fresh, ct: Ct);

        await Get(fresh: false);

        Assert.Equal(2, await Get(fresh: true));
        Assert.Equal(2, await Get(fresh: false));
    }

    [Fact]
    public async Task A_read_under_another_stamp_such_as_a_new_day_is_not_joined()
    {
        var reads = 0;
        Task<int> Get(long day) => shared.GetAsync(PatientId, "relationship", [PatientSection.Consents], (_, _) => Task.FromResult(Interlocked.Increment(ref reads)), stamp: day, ct: Ct);

        await Get(day: 1);
        await Get(day: 1);

        Assert.Equal(2, await Get(day: 2));
        Assert.Equal(2, shared.ReadsOf("relationship"));
    }

    [Fact]
    public async Task Reads_nobody_uses_are_dropped_and_none_is_served_when_too_old()
    {
        var reads = 0;
        Task<int> Get(Guid patientId) => shared.GetAsync(patientId, CareTeamSnapshot.Key, [PatientSection.CareTeam], (_, _) => Task.FromResult(Interlocked.Increment(ref reads)), ct: Ct);
        var idle = Guid.NewGuid();

        await Get(idle);
        await Get(PatientId);
        Assert.Equal(2, shared.Kept);

        clock.Advance(SharedReads.KeptFor / 2);
        await Get(PatientId);
        clock.Advance(SharedReads.KeptFor / 2 + TimeSpan.FromSeconds(1));
        await Get(PatientId);

        Assert.Equal(1, shared.Kept);
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task A_burst_of_a_thousand_changes_costs_one_read_for_the_viewers_that_follow_and_keeps_one_entry()
    {
        var reads = 0;
        Task<int> Get() => shared.GetAsync(PatientId, CareTeamSnapshot.Key, CareTeamSnapshot.DependsOn, (_, _) => Task.FromResult(Interlocked.Increment(ref reads)), ct: Ct);
        await Get();

        for (var i = 0; i < 1000; i++)
            shared.Changed(PatientId, PatientSection.CareTeam);
        var viewers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Get()));

        Assert.Equal(2, reads);
        Assert.All(viewers, v => Assert.Equal(2, v));
        Assert.Equal(1, shared.Kept);
    }

    private async Task<CareTeamView> CareTeamViewAsync(Actor actor, PatientRelationship relationship, Func<Task<CareTeamSnapshot>> readSnapshot)
    {
        var shared = await this.shared.GetAsync(PatientId, "relationship", [PatientSection.Consents], (_, _) => Task.FromResult(relationship), ct: Ct);
        var sections = await guard.RecordSharedReadAsync(actor, shared, PatientSection.CareTeam, "Care team", Ct, PatientSection.Relatives);
        var snapshot = await this.shared.GetAsync(PatientId, CareTeamSnapshot.Key, CareTeamSnapshot.DependsOn, (_, _) => readSnapshot(), ct: Ct);
        return snapshot.For(actor, shared, sections, Today);
    }

    private PatientRelationship Relationship(params RelativeConsent[] consents) =>
        new(PatientId, "user-patient", [GpOrganisation], consents, clock.GetUtcNow());

    private static CareTeamSnapshot Snapshot() => new(
        PatientId,
        [new CareTeamMemberView(Guid.NewGuid(), Guid.NewGuid(), GpOrganisation, "Lægehuset", Sector.GeneralPractice, CareTeamRole.GeneralPractitioner,
            "Dr. Lund", null, Today.AddYears(-1), null, IsActive: false, null, null)],
        [new RelativeView(Guid.NewGuid(), Guid.NewGuid(), "Mette Lund", RelationshipCode.NOK, "12345678", true)],
        ContactChannel.Phone,
        [new OrganisationOption(GpOrganisation, "Lægehuset", Sector.GeneralPractice)]);

    public async ValueTask DisposeAsync() => await writer.StopAsync(Ct);

    private sealed class RecordingStore
    {
        private readonly List<AccessRecord> saved = [];

        public List<AccessRecord> Saved
        {
            get
            {
                lock (saved)
                    return [.. saved];
            }
        }

        public Task SaveAsync(IReadOnlyList<AccessRecord> records, CancellationToken ct)
        {
            lock (saved)
                saved.AddRange(records);
            return Task.CompletedTask;
        }
    }

    /// <summary>The reads in these tests are given by the test; the database handed to them is never opened.</summary>
    private sealed class UnopenedDatabases : IDbContextFactory<CareDbContext>
    {
        public CareDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<CareDbContext>().UseSqlite("Data Source=:memory:").Options);
    }
}
