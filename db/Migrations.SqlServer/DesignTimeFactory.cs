using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CareWorkspace.Migrations.SqlServer;

/// <summary>Lets 'dotnet ef' build the SqlServer model without starting the web app or reaching a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CareDbContext>
{
    public CareDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CareDbContext>()
            .Configure(new DatabaseSettings(DatabaseProvider.SqlServer, "Server=localhost;Database=CareWorkspace;Trusted_Connection=True;TrustServerCertificate=True"))
            .Options;
        return new CareDbContext(options);
    }
}
