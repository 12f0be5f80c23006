using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.NationalServices.Sync;

namespace CareWorkspace.Web.Features.NationalSync;

/// <summary>
/// When a staff user opens a pathway, the sections of it that show a national service's data and that the access guard
/// let them see are fetched again in the background if they are stale (<see cref="PatientRefreshRequests"/>). It only
/// writes to the database and queues a job: opening the pathway never waits for a national service, and a failure here
/// is logged, never shown.
/// </summary>
public sealed class PathwayRefreshOnOpen(PatientRefreshRequests requests, ILogger<PathwayRefreshOnOpen> logger)
{
    private static readonly (PatientSection Section, NationalService Service)[] Refreshed =
        [(PatientSection.Medication, NationalService.Medication), (PatientSection.Measurements, NationalService.Measurements),
         (PatientSection.MasterData, NationalService.Person)];

    /// <param name="visible">The sections the guard allowed this viewer when the pathway header was read.</param>
    public async Task RequestAsync(Actor viewer, Guid patientId, IReadOnlySet<PatientSection> visible, CancellationToken ct)
    {
        if (!viewer.IsHealthProfessional)
            return;
        try
        {
            await requests.RequestIfStaleAsync(patientId, Refreshed.Where(r => visible.Contains(r.Section)).Select(r => r.Service), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not ask for a refresh of patient {PatientId} from the national services", patientId);
        }
    }
}
