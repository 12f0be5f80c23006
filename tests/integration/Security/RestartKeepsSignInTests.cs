using System.Net;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CareWorkspace.IntegrationTests.Security;

/// <summary>A restart on the embedded SQLite defaults signs nobody out: the keys live in the database, not in the process.</summary>
public sealed class RestartKeepsSignInTests : IAsyncDisposable
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "cw-it-restart-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_from_before_a_restart_still_signs_the_user_in()
    {
        string cookie;
        await using (var before = NewHost())
        {
            (var client, cookie) = await HttpSignIn.SignInAsync(before, "coordinator.dahl", Ct);
            client.Dispose();
            Assert.Equal(HttpStatusCode.OK, await KeyPages.HomeStatusAsync(before, cookie, Ct));
        }

        await using var after = NewHost();

        Assert.Equal(HttpStatusCode.Redirect, await KeyPages.HomeStatusAsync(after, cookie: null, Ct));
        Assert.Equal(HttpStatusCode.OK, await KeyPages.HomeStatusAsync(after, cookie, Ct));
    }

    private CareAppFactory NewHost() =>
        new(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Database:DataFolder"] = dataFolder });

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        return ValueTask.CompletedTask;
    }
}
