using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;

namespace CareWorkspace.IntegrationTests.NationalSync.Interop;

/// <summary>
/// For one test class: Medplum's FHIR server (<see cref="MedplumServer"/>) and the app on a fresh database with every
/// national service's base URL pointing at it over the network, in pages of two so that each sync follows next links.
/// Each service reads its own resource types, so one Medplum server holds them all.
/// </summary>
public abstract class MedplumInterop(DatabaseProvider provider) : IAsyncLifetime
{
    public MedplumServer Medplum { get; } = new();

    public CareAppFactory App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Medplum.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["NationalServices:PageSize"] = "2",
            ["NationalServices:Timeout"] = "00:00:10",
        };
        foreach (var service in Enum.GetValues<NationalService>())
            settings[$"NationalServices:{service}:BaseUrl"] = Medplum.BaseUrl.ToString();
        App = new CareAppFactory(provider, settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
            await App.DisposeAsync();
        await Medplum.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class MedplumSqliteInterop() : MedplumInterop(DatabaseProvider.Sqlite);

public sealed class MedplumPostgreSqlInterop() : MedplumInterop(DatabaseProvider.PostgreSql);
