using CareWorkspace.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Persistence;

/// <summary>Applies migrations (and the demo data when enabled) before the app serves its first request.</summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services,
    DatabaseSettings settings,
    IConfiguration configuration,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
                if (settings.Provider == DatabaseProvider.Sqlite)
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogCritical(ex, "Cannot open or migrate the {Provider} database", settings.Provider);
                throw new InvalidOperationException(
                    $"CareWorkspace cannot open or migrate its {settings.Provider} database: {ex.Message} " +
                    "Check Database:Provider and ConnectionStrings:Care.", ex);
            }
        }
        logger.LogInformation("Database ready ({Provider})", settings.Provider);

        if (configuration.GetValue("Demo:Enabled", false))
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
