using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Notifications;

namespace CareWorkspace.Domain.Blocks;

/// <summary>How many times one part of the record was looked at under emergency access.</summary>
public sealed record AccessedSection(PatientSection Section, int Count);

/// <summary>
/// What the patient is told after an emergency access has ended: who, from which organisation, why, when, and what was
/// looked at under it (the clinician's allowed accesses recorded as emergency access within the window, by section).
/// </summary>
public sealed record EmergencyAccessSummary(
    Guid EmergencyAccessId,
    Guid PatientId,
    string ClinicianName,
    string? OrganisationName,
    string Reason,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<AccessedSection> Accessed)
{
    public int Total => Accessed.Sum(a => a.Count);

    /// <param name="records">The patient's access records; those not made under this emergency access are left out here.</param>
    public static EmergencyAccessSummary Of(EmergencyAccess emergency, IEnumerable<AccessRecord> records)
    {
        ArgumentNullException.ThrowIfNull(emergency);
        var accessed = records
            .Where(r => IsUnder(emergency, r))
            .GroupBy(r => r.Section)
            .Select(g => new AccessedSection(g.Key, g.Count()))
            .OrderByDescending(a => a.Count)
            .ThenBy(a => a.Section)
            .ToList();
        return new EmergencyAccessSummary(emergency.Id, emergency.PatientId, emergency.ClinicianName, emergency.OrganisationName,
            emergency.Reason, emergency.StartedAt, emergency.EndsAt, accessed);
    }

    /// <summary>
    /// Who is told: the patient, and the relatives whose consent, active when the summary is made, includes the access
    /// log (they may read the log the summary points to). Nobody else.
    /// </summary>
    public static IReadOnlyList<string> Recipients(PatientRelationship patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var relatives = patient.Consents
            .Where(c => c.PatientId == patient.PatientId && c.GrantsAt(PatientSection.AccessLog, patient.AsOf))
            .Select(c => c.RelativeUserId);
        return [.. (patient.PatientUserId is { } own ? relatives.Prepend(own) : relatives).Distinct()];
    }

    /// <summary>The notification: its link opens the patient's access log on the window's days, emergency accesses only (highlighted).</summary>
    public NotificationMessage Message(string patientName) => new(NotificationKind.EmergencyAccessSummary,
        new Dictionary<string, string>
        {
            [NotificationMessage.Patient] = patientName,
            [NotificationMessage.By] = ClinicianName,
            [NotificationMessage.Organisation] = OrganisationName ?? "",
            [NotificationMessage.Start] = From.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            [NotificationMessage.End] = To.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            [NotificationMessage.Reason] = Reason,
            [NotificationMessage.Accessed] = string.Join(';', Accessed.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Section}={a.Count}"))),
        }, PatientId, AccessLogLink);

    public string AccessLogLink => string.Create(CultureInfo.InvariantCulture,
        $"my/access-log?patient={PatientId}&emergency=true&from={CopenhagenTime.DateOf(From):yyyy-MM-dd}&to={CopenhagenTime.DateOf(To):yyyy-MM-dd}");

    /// <summary>Reads back the <c>accessed</c> value of <see cref="Message"/>; unknown sections are skipped.</summary>
    public static IReadOnlyList<AccessedSection> ParseAccessed(string? value) =>
        [.. (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('='))
            .Where(p => p.Length == 2 && Enum.TryParse<PatientSection>(p[0], out _) && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(p => new AccessedSection(Enum.Parse<PatientSection>(p[0]), int.Parse(p[1], CultureInfo.InvariantCulture)))];

    private static bool IsUnder(EmergencyAccess emergency, AccessRecord record) =>
        record.EmergencyAccess
        && record.Allowed
        && record.PatientId == emergency.PatientId
        && record.UserId == emergency.ClinicianUserId
        && record.OrganisationId == emergency.OrganisationId
        && record.At >= emergency.StartedAt
        && record.At <= emergency.EndsAt
        && record.What != EmergencyAccess.StartedRecordWhat;
}
