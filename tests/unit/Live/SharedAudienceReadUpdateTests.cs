using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.UnitTests.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.UnitTests.Live;

/// <summary>
/// An audience's shared read (a unit's triage board) updated citizen by citizen: a change that names one citizen re-reads
/// only that citizen on top of the kept read; updates follow one another so none is lost; anything else reads it all.
/// </summary>
public sealed class SharedAudienceReadUpdateTests
{
    private static readonly AudienceKey Unit = AudienceKey.TriageBoardOf(Guid.NewGuid());
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly Guid Bent = Guid.NewGuid();

    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private readonly SharedReads shared;
    private int fullReads;
    private readonly List<IReadOnlySet<Guid>> updates = [];

    public SharedAudienceReadUpdateTests() => shared = new SharedReads(new UnopenedDatabases(), clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The board is the list of what was read for each citizen: "full" from a full read, or the update's number.</summary>
    private Task<IReadOnlyDictionary<Guid, string>> Board(Func<Task>? whileUpdating = null) =>
        shared.GetForAudienceAsync<IReadOnlyDictionary<Guid, string>>(Unit, "board",
            (_, _) =>
            {
                Interlocked.Increment(ref fullReads);
                return Task.FromResult<IReadOnlyDictionary<Guid, string>>(new Dictionary<Guid, string> { [Anna] = "full", [Bent] = "full" });
            },
            ct: Ct,
            update: async (_, kept, citizens, _) =>
            {
                int number;
                lock (updates)
                {
                    updates.Add(citizens);
                    number = updates.Count;
                }
                if (whileUpdating is not null)
                    await whileUpdating();
                var board = kept.ToDictionary();
                foreach (var citizen in citizens)
                    board[citizen] = $"update {number}";
                return board;
            });

    private void FormRecordedFor(Guid citizen) =>
        shared.Changed(new PathwayChange(citizen, PatientSection.Triage, Guid.NewGuid()) { SeenBy = [Unit] });

    [Fact]
    public async Task A_change_naming_one_citizen_re_reads_only_that_citizen_on_the_kept_read()
    {
        await Board();
        FormRecordedFor(Anna);

        var board = await Board();

        Assert.Equal(1, fullReads);
        Assert.Equal([Anna], Assert.Single(updates));
        Assert.Equal("update 1", board[Anna]);
        Assert.Equal("full", board[Bent]);
        Assert.Equal(1, shared.UpdatesOf(Unit.Value + "/board"));
    }

    [Fact]
    public async Task Two_changes_during_an_update_both_land_the_second_update_starting_from_the_first()
    {
        await Board();
        FormRecordedFor(Anna);
        var release = new TaskCompletionSource();
        var first = Board(whileUpdating: () => release.Task);
        FormRecordedFor(Bent);
        var second = Board();
        release.SetResult();

        await first;
        var board = await second;

        Assert.Equal(1, fullReads);
        Assert.Equal("update 1", board[Anna]);
        Assert.Equal("update 2", board[Bent]);
    }

    [Fact]
    public async Task Changes_to_two_citizens_before_the_next_read_are_one_update_of_both()
    {
        await Board();
        FormRecordedFor(Anna);
        FormRecordedFor(Bent);

        var board = await Board();

        Assert.Equal(new HashSet<Guid> { Anna, Bent }, Assert.Single(updates));
        Assert.Equal("update 1", board[Anna]);
        Assert.Equal("update 1", board[Bent]);
    }

    [Theory]
    [InlineData(PatientSection.CareTeam)]
    [InlineData(PatientSection.Consents)]
    [InlineData(PatientSection.MasterData)]
    public async Task A_change_that_may_concern_anyone_reads_it_all(PatientSection section)
    {
        await Board();
        FormRecordedFor(Anna);
        shared.Changed(new PathwayChange(Bent, section));

        var board = await Board();

        Assert.Equal(2, fullReads);
        Assert.Empty(updates);
        Assert.Equal("full", board[Anna]);
    }

    [Fact]
    public async Task A_change_to_the_units_settings_reads_it_all()
    {
        await Board();
        shared.Changed(Unit);

        await Board();

        Assert.Equal(2, fullReads);
        Assert.Empty(updates);
    }

    [Fact]
    public async Task A_kept_read_older_than_kept_for_is_read_in_full_not_updated()
    {
        await Board();
        FormRecordedFor(Anna);
        await Board();
        clock.Advance(SharedReads.KeptFor + TimeSpan.FromSeconds(1));
        FormRecordedFor(Bent);

        var board = await Board();

        Assert.Equal(2, fullReads);
        Assert.Equal("full", board[Anna]);
    }

    [Fact]
    public async Task A_failed_update_is_not_kept_and_the_next_read_is_full()
    {
        await Board();
        FormRecordedFor(Anna);
        await Assert.ThrowsAsync<TimeoutException>(() => Board(whileUpdating: () => throw new TimeoutException("The database did not answer.")));

        var board = await Board();

        Assert.Equal(2, fullReads);
        Assert.Equal("full", board[Anna]);
    }

    /// <summary>The reads in these tests are given by the test; the database handed to them is never opened.</summary>
    private sealed class UnopenedDatabases : IDbContextFactory<CareDbContext>
    {
        public CareDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<CareDbContext>().UseSqlite("Data Source=:memory:").Options);
    }
}
