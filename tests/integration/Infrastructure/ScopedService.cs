using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>Calls one app service in a scope of its own, as one request or circuit event would.</summary>
public static class ScopedService
{
    public static async Task<T> CallAsync<TService, T>(this CareAppFactory factory, Func<TService, Task<T>> call)
        where TService : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task CallAsync<TService>(this CareAppFactory factory, Func<TService, Task> call)
        where TService : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
