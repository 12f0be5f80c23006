using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Infrastructure.AccessLog;

namespace CareWorkspace.Web.Features.AccessLog;

/// <summary>A page of the patient's access log; <see cref="Organisations"/> only with the first page.</summary>
public sealed record AccessLogView(IReadOnlyList<AccessLogEntry> Entries, AccessLogCursor? Next, IReadOnlyList<AccessLogOrganisation>? Organisations);

/// <summary>One access as the patient sees it.</summary>
public sealed record AccessLogEntry(
    long Id,
    DateTimeOffset At,
    string Who,
    UserRole Role,
    string? Organisation,
    PatientSection Section,
    string What,
    AccessAction Action,
    bool Allowed,
    string Reason,
    bool EmergencyAccess)
{
    public static AccessLogEntry Of(AccessRecord r) =>
        new(r.Id, r.At, r.UserDisplayName, r.Role, r.OrganisationName, r.Section, r.What, r.Action, r.Allowed, r.Reason, r.EmergencyAccess);
}
