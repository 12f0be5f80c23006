using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.IntegrationTests.Security;

/// <summary>
/// Demo accounts appear only where someone asked for them: in Development (its own settings file turns them on)
/// or where an operator sets Demo:Enabled. The base settings must never seed a real environment's empty database.
/// </summary>
public sealed class DemoSwitchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task An_empty_database_outside_Development_starts_without_demo_accounts(string environment)
    {
        await using var factory = HostIn(environment, demoEnabled: null);
        await using var db = await factory.CreateDbContextAsync(Ct);

        Assert.Empty(await db.Users.ToListAsync(Ct));
        Assert.Empty(await db.Organisations.ToListAsync(Ct));
        Assert.Empty(await db.Patients.ToListAsync(Ct));
    }

    [Fact]
    public async Task Development_seeds_the_demo_accounts_from_its_own_settings_file()
    {
        await using var factory = HostIn("Development", demoEnabled: null);
        await using var db = await factory.CreateDbContextAsync(Ct);

        Assert.Equal(DemoAccounts.All.Count, await db.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task An_operator_can_turn_the_demo_on_in_Staging()
    {
        await using var factory = HostIn("Staging", demoEnabled: "true");
        await using var db = await factory.CreateDbContextAsync(Ct);

        Assert.Equal(DemoAccounts.All.Count, await db.Users.CountAsync(Ct));
    }

    // CareAppFactory turns the demo on for every other test; null here removes that, leaving the app's own settings.
    private static CareAppFactory HostIn(string environment, string? demoEnabled) =>
        new(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["environment"] = environment,
            ["Demo:Enabled"] = demoEnabled,
        });
}
