using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Jobs;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;

namespace CareWorkspace.Infrastructure.NationalServices;

public static class NationalServicesRegistration
{
    /// <summary>
    /// A named HttpClient per national service with the standard resilience pipeline (a timeout per attempt, retries
    /// with exponential back-off and jitter, a circuit breaker, a total timeout), the adapters, the sync jobs, and in
    /// demo mode the sandbox's store seeded with the demo patients' national data.
    /// </summary>
    public static void AddNationalServices(this IHostApplicationBuilder builder)
    {
        var settings = NationalServicesSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<NationalServiceEndpoints>();
        builder.Services.AddSingleton<NationalServiceClients>();
        foreach (var service in Enum.GetValues<NationalService>())
            AddClient(builder.Services, service, settings);

        builder.Services.AddSingleton<IPersonRegister, PersonRegisterAdapter>();
        builder.Services.AddSingleton<IOrganisationRegister, OrganisationRegisterAdapter>();
        builder.Services.AddSingleton<ISharedAppointments, SharedAppointmentsAdapter>();
        builder.Services.AddSingleton<IHospitalNotifications, HospitalNotificationsAdapter>();
        builder.Services.AddSingleton<IMedicationRecord, MedicationRecordAdapter>();

        builder.Services.AddSingleton<IHomeMeasurements, HomeMeasurementsAdapter>();

        AddSync<PersonSyncJob>(builder.Services);
        AddSync<OrganisationSyncJob>(builder.Services);
        AddSync<HospitalNotificationSyncJob>(builder.Services);
        AddSync<MedicationSyncJob>(builder.Services);
        AddSync<MeasurementSyncJob>(builder.Services);
        AddSync<SharedAppointmentSyncJob>(builder.Services);

        // The refresh when a pathway is opened with stale data (one patient, one service, queued once).
        builder.Services.AddPatientRefresh();

        builder.Services.AddSingleton<SandboxFaults>();
        builder.Services.AddSingleton(sp =>
        {
            var clock = sp.GetRequiredService<TimeProvider>();
            var store = new SandboxStore(clock);
            if (settings.SandboxEnabled)
                SandboxSeed.Fill(store, clock.GetUtcNow());
            return store;
        });
    }

    private static void AddClient(IServiceCollection services, NationalService service, NationalServicesSettings settings)
    {
        var total = settings.Timeout * (settings.Retries + 1) + settings.RetryDelay * Math.Pow(2, settings.Retries + 1);
        services.AddHttpClient(NationalServiceClients.ClientName(service), client => client.Timeout = total + TimeSpan.FromSeconds(5))
            .AddStandardResilienceHandler(o =>
            {
                o.AttemptTimeout.Timeout = settings.Timeout;
                o.TotalRequestTimeout.Timeout = total;
                o.Retry.MaxRetryAttempts = settings.Retries;
                o.Retry.Delay = settings.RetryDelay;
                o.Retry.BackoffType = DelayBackoffType.Exponential;
                o.Retry.UseJitter = true;
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, settings.Timeout.Ticks * 2));
            });
    }

    /// <summary>A sync job: resolvable itself (the tests run it), as a recurring job (scheduled at start-up) and as a national sync (Sync now).</summary>
    private static void AddSync<TJob>(IServiceCollection services)
        where TJob : class, INationalSync
    {
        services.AddRecurringJob<TJob>();
        services.AddTransient<INationalSync>(sp => sp.GetRequiredService<TJob>());
    }
}
