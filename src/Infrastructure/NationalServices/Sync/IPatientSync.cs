using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>A national sync that can also fetch and import just one patient's data (the refresh when their pathway is opened).</summary>
public interface IPatientSync
{
    NationalService Service { get; }

    /// <summary>
    /// Fetches the patient's data by CPR and imports it as the recurring sync does; returns the counts. Throws
    /// <see cref="NationalServiceException"/> when the service could not be read.
    /// </summary>
    Task<SyncCounts> RefreshPatientAsync(Guid patientId, Cpr cpr, CancellationToken ct);
}
