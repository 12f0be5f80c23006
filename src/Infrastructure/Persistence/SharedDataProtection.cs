using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.Infrastructure.Persistence;

/// <summary>
/// Cookies and antiforgery tokens are encrypted with data-protection keys. Keeping the keys in the care database,
/// under one fixed application name, lets every app instance read the others' cookies and tokens, and a restart
/// keeps everyone signed in. Without this each process would make its own keys (in memory or its own folder).
/// </summary>
public static class SharedDataProtection
{
    public const string ApplicationName = "CareWorkspace";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<CareDbContext>();
        return services;
    }
}
