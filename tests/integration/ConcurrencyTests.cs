using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.IntegrationTests;

/// <summary>Optimistic concurrency on the patient aggregate: the second of two overlapping edits is refused.</summary>
public abstract class ConcurrencyTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_second_of_two_phone_changes_is_refused()
    {
        await using var first = await factory.CreateDbContextAsync(Ct);
        await using var second = await factory.CreateDbContextAsync(Ct);
        var jensFirst = await LoadJensAsync(first);
        var jensSecond = await LoadJensAsync(second);

        jensFirst.ChangePhone("+45 20 11 11 11");
        await first.SaveChangesAsync(Ct);
        jensSecond.ChangePhone("+45 20 22 22 22");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        Assert.Equal("+45 20 11 11 11", (await ReloadJensAsync()).Phone);
    }

    [Fact]
    public async Task A_change_to_an_owned_part_only_also_moves_the_version()
    {
        await using var first = await factory.CreateDbContextAsync(Ct);
        await using var second = await factory.CreateDbContextAsync(Ct);
        var jensFirst = await LoadJensAsync(first);
        var jensSecond = await LoadJensAsync(second);
        var relativesBefore = jensFirst.Relatives.Count;
        var phoneBefore = jensFirst.Phone;

        jensFirst.AddRelative("Kirsten Jensen", RelationshipCode.CHILD, "+45 40 12 12 12", false);
        await first.SaveChangesAsync(Ct);
        jensSecond.ChangePhone("+45 20 33 33 33");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        var saved = await ReloadJensAsync();
        Assert.Equal(relativesBefore + 1, saved.Relatives.Count);
        Assert.Equal(phoneBefore, saved.Phone);
    }

    [Fact]
    public async Task Two_overlapping_additions_of_owned_parts_refuse_the_second()
    {
        await using var first = await factory.CreateDbContextAsync(Ct);
        await using var second = await factory.CreateDbContextAsync(Ct);
        var jensFirst = await LoadJensAsync(first);
        var jensSecond = await LoadJensAsync(second);

        jensFirst.AddRelative("Hanne Jensen", RelationshipCode.CHILD, "+45 40 34 34 34", false);
        await first.SaveChangesAsync(Ct);
        jensSecond.AddRelative("Bent Jensen", RelationshipCode.CHILD, "+45 40 56 56 56", false);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        var saved = await ReloadJensAsync();
        Assert.Contains(saved.Relatives, r => r.Name == "Hanne Jensen");
        Assert.DoesNotContain(saved.Relatives, r => r.Name == "Bent Jensen");
    }

    [Fact]
    public async Task An_edit_based_on_the_latest_version_is_saved()
    {
        await using (var first = await factory.CreateDbContextAsync(Ct))
        {
            (await LoadJensAsync(first)).ChangePhone("+45 20 44 44 44");
            await first.SaveChangesAsync(Ct);
        }
        await using (var second = await factory.CreateDbContextAsync(Ct))
        {
            (await LoadJensAsync(second)).ChangePhone("+45 20 55 55 55");
            await second.SaveChangesAsync(Ct);
        }

        Assert.Equal("+45 20 55 55 55", (await ReloadJensAsync()).Phone);
    }

    private async Task<Patient> LoadJensAsync(CareDbContext db)
    {
        var jensId = await factory.JensIdAsync(Ct);
        return await db.Patients.SingleAsync(p => p.Id == jensId, Ct);
    }

    private async Task<Patient> ReloadJensAsync()
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var jensId = await factory.JensIdAsync(Ct);
        return await db.Patients.AsNoTracking().SingleAsync(p => p.Id == jensId, Ct);
    }
}

public sealed class ConcurrencyTests_Sqlite(SqliteAppFactory factory) : ConcurrencyTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class ConcurrencyTests_PostgreSql(PostgreSqlAppFactory factory) : ConcurrencyTests(factory), IClassFixture<PostgreSqlAppFactory>;
