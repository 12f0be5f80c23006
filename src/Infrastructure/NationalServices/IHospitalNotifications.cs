using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>Hospital notifications (MedCom admission and discharge messages), as a feed of changes.</summary>
public interface IHospitalNotifications
{
    IAsyncEnumerable<NationalPage<HospitalNotification>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken ct);
}

internal sealed class HospitalNotificationsAdapter(NationalServiceClients clients, TimeProvider clock) : IHospitalNotifications
{
    public IAsyncEnumerable<NationalPage<HospitalNotification>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken ct)
    {
        var today = CopenhagenTime.Today(clock);
        return clients.ReaderFor(NationalService.HospitalNotifications).SearchAsync(clients.ChangedSince("Bundle", since),
            (Hl7.Fhir.Model.Resource r, out HospitalNotification? n, out string reason) => HospitalNotificationMessage.TryRead(r, today, out n, out reason), ct);
    }
}
