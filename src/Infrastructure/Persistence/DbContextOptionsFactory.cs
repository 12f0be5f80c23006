using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Infrastructure.Persistence;

/// <summary>Configures the context for one provider, each with its own migrations assembly.</summary>
public static class DbContextOptionsFactory
{
    public const string SqliteMigrations = "CareWorkspace.Migrations.Sqlite";
    public const string PostgreSqlMigrations = "CareWorkspace.Migrations.PostgreSql";
    public const string SqlServerMigrations = "CareWorkspace.Migrations.SqlServer";

    public static DbContextOptionsBuilder<CareDbContext> Configure(this DbContextOptionsBuilder<CareDbContext> options, DatabaseSettings settings)
    {
        ((DbContextOptionsBuilder)options).Configure(settings);
        return options;
    }

    public static DbContextOptionsBuilder Configure(this DbContextOptionsBuilder options, DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => options.UseSqlite(settings.ConnectionString, x => x.MigrationsAssembly(SqliteMigrations))
            .AddInterceptors(SqliteBusyTimeout.Instance),
        DatabaseProvider.PostgreSql => options.UseNpgsql(settings.ConnectionString, x => x.MigrationsAssembly(PostgreSqlMigrations)),
        DatabaseProvider.SqlServer => options.UseSqlServer(settings.ConnectionString, x => x.MigrationsAssembly(SqlServerMigrations)),
    };
}
