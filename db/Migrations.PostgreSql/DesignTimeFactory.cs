using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CareWorkspace.Migrations.PostgreSql;

/// <summary>Lets 'dotnet ef' build the PostgreSql model without starting the web app or reaching a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CareDbContext>
{
    public CareDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CareDbContext>()
            .Configure(new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=localhost;Database=careworkspace;Username=postgres"))
            .Options;
        return new CareDbContext(options);
    }
}
