using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CareWorkspace.Migrations.Sqlite;

/// <summary>Lets 'dotnet ef' build the Sqlite model without starting the web app or reaching a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CareDbContext>
{
    public CareDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CareDbContext>()
            .Configure(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db"))
            .Options;
        return new CareDbContext(options);
    }
}
