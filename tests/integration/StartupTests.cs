using System.Net;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.IntegrationTests;

/// <summary>The app starts on a fresh database: the migrations apply cleanly and the demo data is seeded.</summary>
public abstract class StartupTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrations_apply_cleanly_and_leave_nothing_pending()
    {
        await using var db = await factory.CreateDbContextAsync(Ct);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal(factory.Provider.ToString(), ProviderOf(db), ignoreCase: true);
    }

    [Fact]
    public async Task Health_is_healthy_and_alive_answers()
    {
        using var client = factory.CreateClient();

        var health = await client.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(Ct));

        var alive = await client.GetAsync("/alive", Ct);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Demo_data_has_Jens_with_Ulla_as_contact_relative()
    {
        var jensId = await factory.JensIdAsync(Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var jens = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == jensId, Ct);
        var ulla = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "ulla", Ct);

        Assert.Equal("Jens Jensen", jens.FullName);
        Assert.Equal("120352-1235", jens.Cpr.Display);
        var contact = Assert.Single(jens.Relatives, r => r.IsContactRelative);
        Assert.Equal("Ulla Jensen", contact.Name);
        Assert.Equal(ulla.Id, contact.UserId);
        Assert.Contains(await db.RelativeConsents.AsNoTracking().ToListAsync(Ct),
            c => c.PatientId == jensId && c.RelativeUserId == ulla.Id && c.WithdrawnAt == null);
        Assert.Equal(DemoAccounts.All.Count, await db.Users.CountAsync(Ct));
    }

    private static string ProviderOf(DbContext db) => db.Database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => "Sqlite",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "PostgreSql",
        var other => other ?? "",
    };
}

public sealed class StartupTests_Sqlite(SqliteAppFactory factory) : StartupTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class StartupTests_PostgreSql(PostgreSqlAppFactory factory) : StartupTests(factory), IClassFixture<PostgreSqlAppFactory>;
