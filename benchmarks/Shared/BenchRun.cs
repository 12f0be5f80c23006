using CareWorkspace.Infrastructure.Persistence;

namespace CareWorkspace.Benchmarks;

/// <summary>
/// What a database benchmark runs against, from its arguments <c>[sqlite|postgresql "&lt;connection string with a new
/// database&gt;"]</c>, with a fresh data folder that is removed when the run is disposed.
/// </summary>
internal sealed class BenchRun : IDisposable
{
    private BenchRun(DatabaseProvider provider, string connection, string folder) =>
        (Provider, Connection, Folder) = (provider, connection, folder);

    public DatabaseProvider Provider { get; }

    public string Connection { get; }

    public string Folder { get; }

    public static BenchRun FromArguments(string[] args, string name)
    {
        var provider = args.Length > 0 && args[0].Equals("postgresql", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var folder = Path.Combine(Path.GetTempPath(), $"cw-{name}-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // WebApplicationFactory finds src/Web through MvcTestingAppManifest.json in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        return new BenchRun(provider, provider == DatabaseProvider.PostgreSql ? args[1] : "", folder);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
