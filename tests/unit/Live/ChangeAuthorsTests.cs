using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.UnitTests.Realtime;
using CareWorkspace.Web.Features.Live;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.UnitTests.Live;

/// <summary>Every viewer of a patient announces the same change: the author's name is read once for all of them.</summary>
public sealed class ChangeAuthorsTests : IDisposable
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private readonly Databases databases = new();
    private readonly ChangeAuthors authors;

    public ChangeAuthorsTests() => authors = new ChangeAuthors(databases, clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hundred_viewers_announcing_one_change_cost_one_read_of_the_name()
    {
        await databases.AddUserAsync("user-gp", "Lise Dahl");

        var names = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => authors.NameOfAsync("user-gp", Ct)));

        Assert.All(names, name => Assert.Equal("Lise Dahl", name));
        Assert.Equal(1, authors.Reads);
        Assert.Equal(1, databases.Created);
    }

    [Fact]
    public async Task A_renamed_user_is_announced_under_the_new_name_once_the_kept_name_is_old()
    {
        await databases.AddUserAsync("user-gp", "Lise Dahl");
        Assert.Equal("Lise Dahl", await authors.NameOfAsync("user-gp", Ct));
        await databases.RenameAsync("user-gp", "Lise Dahl Holm");

        clock.Advance(ChangeAuthors.KeptFor + TimeSpan.FromSeconds(1));

        Assert.Equal("Lise Dahl Holm", await authors.NameOfAsync("user-gp", Ct));
        Assert.Equal(2, authors.Reads);
    }

    [Fact]
    public async Task An_unknown_user_has_no_name_and_other_users_are_read_on_their_own()
    {
        await databases.AddUserAsync("user-gp", "Lise Dahl");

        Assert.Null(await authors.NameOfAsync("user-gone", Ct));
        Assert.Equal("Lise Dahl", await authors.NameOfAsync("user-gp", Ct));
        Assert.Equal(2, authors.Reads);
    }

    public void Dispose() => databases.Dispose();

    /// <summary>One in-memory SQLite database, kept open for the test; counts the contexts made from it.</summary>
    private sealed class Databases : IDbContextFactory<CareDbContext>, IDisposable
    {
        private readonly SqliteConnection connection = new("Data Source=:memory:");
        private int created;

        public Databases()
        {
            connection.Open();
            using var db = New();
            db.Database.EnsureCreated();
        }

        public int Created => Volatile.Read(ref created);

        public CareDbContext CreateDbContext()
        {
            Interlocked.Increment(ref created);
            return New();
        }

        public async Task AddUserAsync(string id, string name)
        {
            await using var db = New();
            db.Users.Add(new CareUser { Id = id, UserName = id, DisplayName = name });
            await db.SaveChangesAsync();
        }

        public async Task RenameAsync(string id, string name)
        {
            await using var db = New();
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.DisplayName = name;
            await db.SaveChangesAsync();
        }

        private CareDbContext New() => new(new DbContextOptionsBuilder<CareDbContext>().UseSqlite(connection).Options);

        public void Dispose() => connection.Dispose();
    }
}
