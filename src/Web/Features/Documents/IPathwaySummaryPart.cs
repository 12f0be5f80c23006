using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Documents;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>
/// A module's part of the pathway summary for the discharge conference, registered in the container
/// (<c>AddScoped&lt;IPathwaySummaryPart, …&gt;</c>): the active care plans, the rehabilitation plan and the latest
/// triage colour. The summary asks the access guard for <see cref="Section"/> with the rest of its
/// read and calls the part only when the reader may see that section; the part adds its heading and blocks, reading its
/// data without asking the guard again (one access record per section and download).
/// </summary>
public interface IPathwaySummaryPart
{
    /// <summary>The section of the patient's record the part shows (decided and logged with the summary's read).</summary>
    PatientSection Section { get; }

    /// <summary>The order of the parts among themselves; all come after the conditions and before the upcoming appointments.</summary>
    int Order { get; }

    Task<IReadOnlyList<DocumentBlock>> ComposeAsync(Actor reader, Guid patientId, CancellationToken ct);
}
