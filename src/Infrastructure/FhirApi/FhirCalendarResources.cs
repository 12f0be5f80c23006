using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using Hl7.Fhir.Model;
using Calendar = CareWorkspace.Domain.Calendar;
using FhirAppointment = Hl7.Fhir.Model.Appointment;
using FhirParticipation = Hl7.Fhir.Model.ParticipationStatus;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>The joint calendar's appointments as FHIR R4 Appointments.</summary>
public static class FhirCalendarResources
{
    public static FhirAppointment Appointment(Calendar.Appointment appointment, Guid patientId, string patientName, Organisation? organisation)
    {
        var patientAnswer = appointment.Participants.FirstOrDefault(p => p.Kind == Calendar.ParticipantKind.Patient)?.Status;
        var participants = new List<FhirAppointment.ParticipantComponent>
        {
            new()
            {
                Actor = FhirCoding.Patient(patientId, patientName),
                Required = FhirAppointment.ParticipantRequired.Required,
                Status = patientAnswer is { } answer ? Status(answer) : FhirParticipation.Accepted,
            },
            new() { Actor = FhirCoding.Organisation(organisation), Required = FhirAppointment.ParticipantRequired.Required, Status = FhirParticipation.Accepted },
        };
        participants.AddRange(appointment.Participants.Where(p => p.Kind != Calendar.ParticipantKind.Patient).Select(p => new FhirAppointment.ParticipantComponent
        {
            Actor = new ResourceReference { Display = p.Name },
            Required = p.IsRequired ? FhirAppointment.ParticipantRequired.Required : FhirAppointment.ParticipantRequired.Optional,
            Status = Status(p.Status),
        }));
        return new FhirAppointment
        {
            Id = appointment.Id.ToString("D"),
            Status = appointment.Status switch
            {
                Calendar.AppointmentStatus.Proposed => FhirAppointment.AppointmentStatus.Proposed,
                Calendar.AppointmentStatus.Arrived => FhirAppointment.AppointmentStatus.Arrived,
                Calendar.AppointmentStatus.Fulfilled => FhirAppointment.AppointmentStatus.Fulfilled,
                Calendar.AppointmentStatus.Cancelled => FhirAppointment.AppointmentStatus.Cancelled,
                Calendar.AppointmentStatus.NoShow => FhirAppointment.AppointmentStatus.Noshow,
                _ => FhirAppointment.AppointmentStatus.Booked,
            },
            CancelationReason = appointment.CancellationReason is { } why ? new CodeableConcept { Text = why } : null,
            AppointmentType = new CodeableConcept { Text = appointment.Type.ToString() },
            Description = appointment.Reason,
            Start = CopenhagenTime.ToCopenhagen(appointment.Start),
            End = CopenhagenTime.ToCopenhagen(appointment.End),
            Created = FhirCoding.Date(CopenhagenTime.DateOf(appointment.BookedAt)),
            Comment = appointment.Mode == Calendar.AppointmentMode.InPerson ? appointment.Location : appointment.Mode.ToString(),
            Participant = participants,
        };
    }

    private static FhirParticipation Status(Calendar.ParticipationStatus status) => status switch
    {
        Calendar.ParticipationStatus.Accepted => FhirParticipation.Accepted,
        Calendar.ParticipationStatus.Declined => FhirParticipation.Declined,
        Calendar.ParticipationStatus.Tentative => FhirParticipation.Tentative,
        _ => FhirParticipation.NeedsAction,
    };
}
