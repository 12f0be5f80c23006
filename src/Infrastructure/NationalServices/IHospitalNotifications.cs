using System.Runtime.CompilerServices;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>Hospital notifications (MedCom admission and discharge messages), as a feed of changes.</summary>
public interface IHospitalNotifications
{
    IAsyncEnumerable<NationalPage<HospitalNotification>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken ct);
}

internal sealed class HospitalNotificationsAdapter(NationalServiceClients clients, TimeProvider clock, ILogger<HospitalNotificationsAdapter> logger)
    : IHospitalNotifications
{
    public async IAsyncEnumerable<NationalPage<HospitalNotification>> ChangedSinceAsync(DateTimeOffset? since, [EnumeratorCancellation] CancellationToken ct)
    {
        var reader = clients.ReaderFor(NationalService.HospitalNotifications);
        var today = CopenhagenTime.Today(clock);
        await foreach (var page in reader.SearchAsync(clients.ChangedSince("Bundle", since), ct))
        {
            var mapped = PageMapping.Map<HospitalNotification>(page, (Hl7.Fhir.Model.Resource r, out HospitalNotification? n, out string reason) =>
                HospitalNotificationMessage.TryRead(r, today, out n, out reason));
            foreach (var rejected in mapped.Rejected.Skip(page.Rejected.Count))
                logger.LogWarning("Hospital notification {SourceId} rejected: {Reason}", rejected.SourceId, rejected.Reason);
            yield return mapped;
        }
    }
}
