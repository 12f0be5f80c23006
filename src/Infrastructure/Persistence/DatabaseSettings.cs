using Microsoft.Extensions.Configuration;

namespace CareWorkspace.Infrastructure.Persistence;

/// <summary>Which database to use, read from <c>Database:Provider</c> and <c>ConnectionStrings:Care</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The app's data folder (SQLite file, attachments), outside the web root.</summary>
    public string DataFolder { get; init; } = Path.GetFullPath("data");

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
            throw new InvalidOperationException(
                $"Database:Provider is '{providerText}', which CareWorkspace does not know. Use one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");

        var folder = Path.GetFullPath(configuration["Database:DataFolder"] ?? "data", contentRoot);
        Directory.CreateDirectory(folder);
        var connectionString = configuration.GetConnectionString("Care");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException(
                    $"Database:Provider is {provider} but ConnectionStrings:Care is empty. Set it, e.g. with the environment variable ConnectionStrings__Care.");
            connectionString = $"Data Source={Path.Combine(folder, "careworkspace.db")}";
        }
        return new DatabaseSettings(provider, connectionString) { DataFolder = folder };
    }
}
