using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;

namespace CareWorkspace.IntegrationTests;

/// <summary>A wrong database configuration stops the app at start-up with a message that names the setting.</summary>
public sealed class HostConfigurationTests
{
    [Fact]
    public async Task An_unknown_provider_stops_the_start_naming_Database_Provider()
    {
        await using var factory = new CareAppFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var message = StartFailure(factory);

        Assert.Contains("Database:Provider", message);
        Assert.Contains("Oracle", message);
    }

    [Fact]
    public async Task PostgreSql_without_a_connection_string_stops_the_start_naming_ConnectionStrings_Care()
    {
        await using var factory = new CareAppFactory(DatabaseProvider.PostgreSql, new Dictionary<string, string?> { ["ConnectionStrings:Care"] = "" });

        var message = StartFailure(factory);

        Assert.Contains("ConnectionStrings:Care", message);
    }

    /// <summary>Starts the host, expecting it to fail, and returns every message in the exception chain.</summary>
    private static string StartFailure(CareAppFactory factory)
    {
        var ex = Record.Exception(() => factory.Services);
        Assert.NotNull(ex);
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
            messages.Add(e.Message);
        return string.Join(" | ", messages);
    }
}
