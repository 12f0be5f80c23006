using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

public static class PatientRefreshRegistration
{
    /// <summary>The refresh when a pathway is opened: the syncs that can fetch one patient, the requests and the job.</summary>
    public static void AddPatientRefresh(this IServiceCollection services)
    {
        services.AddTransient<IPatientSync>(sp => sp.GetRequiredService<MedicationSyncJob>());
        services.AddTransient<IPatientSync>(sp => sp.GetRequiredService<MeasurementSyncJob>());
        services.AddTransient<IPatientSync>(sp => sp.GetRequiredService<PersonSyncJob>());
        services.AddTransient<PatientRefreshJob>();
        services.AddTransient<PatientRefreshRequests>();
    }
}
