using CareWorkspace.Domain.Messaging;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>The pathway's messages: each message of a thread the caller may read as a FHIR R4 Communication.</summary>
public static class FhirCommunicationResources
{
    public static IEnumerable<Communication> Of(MessageThread thread, string patientName) =>
        thread.Messages.OrderBy(m => m.SentAt).Select(m => new Communication
        {
            Id = m.Id.ToString("D"),
            Status = EventStatus.Completed,
            Category = [new CodeableConcept { Text = thread.Category.ToString() }],
            Subject = FhirCoding.Patient(thread.PatientId, patientName),
            Topic = new CodeableConcept { Text = thread.Subject },
            Sent = FhirCoding.DateTime(m.SentAt).Value,
            Sender = new ResourceReference { Display = m.AuthorOrganisation is null ? m.AuthorName : $"{m.AuthorName} ({m.AuthorOrganisation})" },
            Payload = [new Communication.PayloadComponent { Content = new FhirString(m.Text) }],
        });
}
