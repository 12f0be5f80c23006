using System.Data.Common;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>What a provider throws when the database cannot be reached (Npgsql and SQLite mark such failures transient).</summary>
public sealed class DatabaseOutage() : DbException("The database server could not be reached.")
{
    public override bool IsTransient => true;
}
