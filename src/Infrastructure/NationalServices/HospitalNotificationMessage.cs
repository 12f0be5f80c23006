using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>
/// Reads a MedCom hospital notification message (a Bundle of type message, MessageHeader first, then Patient, Encounter
/// and Organizations): an Encounter in progress is an admission, a finished one a discharge. The patient must carry a
/// CPR that parses and the sender a SOR code, both in the DK-core systems; otherwise the message is refused with why.
/// </summary>
public static class HospitalNotificationMessage
{
    public static bool TryRead(Resource resource, DateOnly today, out HospitalNotification? notification, out string reason)
    {
        notification = null;
        if (resource is not Bundle { Type: Bundle.BundleType.Message } bundle)
        {
            reason = $"Expected a message Bundle, not {resource.TypeName}.";
            return false;
        }
        if (bundle.Entry.FirstOrDefault()?.Resource is not MessageHeader header)
        {
            reason = "A message Bundle must start with its MessageHeader.";
            return false;
        }
        var resources = bundle.Entry.Select(e => e.Resource).Where(r => r is not null).ToList();
        if (resources.OfType<Patient>().FirstOrDefault() is not { } patient)
        {
            reason = "The message names no patient.";
            return false;
        }
        if (!DkIdentifiers.TryReadCpr(patient.Identifier, today, out var cpr, out reason))
            return false;
        if (resources.OfType<Encounter>().FirstOrDefault() is not { } encounter)
        {
            reason = "The message has no Encounter.";
            return false;
        }
        var senderId = header.Sender?.Reference?.Split('/').LastOrDefault();
        if (resources.OfType<Organization>().FirstOrDefault(o => o.Id == senderId) is not { } sender)
        {
            reason = "The message's sender is not among its organisations.";
            return false;
        }
        if (!DkIdentifiers.TryReadSor(sender.Identifier, out var sor, out reason))
            return false;
        var kind = encounter.Status switch
        {
            Encounter.EncounterStatus.InProgress => HospitalNotificationKind.Admission,
            Encounter.EncounterStatus.Finished => HospitalNotificationKind.Discharge,
            _ => HospitalNotificationKind.Other,
        };
        var at = (kind == HospitalNotificationKind.Discharge ? encounter.Period?.EndElement?.ToDateTimeOffset(TimeSpan.Zero) : null)
            ?? encounter.Period?.StartElement?.ToDateTimeOffset(TimeSpan.Zero)
            ?? bundle.TimestampElement?.Value;
        if (at is null)
        {
            reason = "The message says nothing about when.";
            return false;
        }
        notification = new HospitalNotification(kind, cpr!, sor!, string.IsNullOrWhiteSpace(sender.Name) ? sor!.Value : sender.Name, at.Value);
        reason = "";
        return true;
    }
}
