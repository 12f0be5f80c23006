using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Calendar;

/// <summary>
/// Who may take part in a patient's appointments: practitioners of the organisations on the care team, the patient, and
/// relatives registered with an account. Names come from the records, never from what the browser sent.
/// </summary>
internal static class CalendarPeople
{
    private static readonly UserRole[] NotPractitioners = [UserRole.Patient, UserRole.Relative, UserRole.Administrator];

    public static async Task<IReadOnlyList<ParticipantOption>> OptionsAsync(CareDbContext db, Guid patientId, IReadOnlyCollection<Guid> careTeam, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => careTeam.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var practitioners = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId != null && careTeam.Contains(u.OrganisationId.Value) && !NotPractitioners.Contains(u.Role) && !u.Deactivated)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.OrganisationId })
            .ToListAsync(ct);
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new { p.UserId, p.GivenName, p.FamilyName, Relatives = p.Relatives.Where(r => r.UserId != null).Select(r => new { r.UserId, r.Name }).ToList() })
            .SingleAsync(ct);
        var options = practitioners
            .Select(u => new ParticipantOption(ParticipantKind.Practitioner, u.Id, u.DisplayName, u.OrganisationId, organisations.GetValueOrDefault(u.OrganisationId!.Value)))
            .ToList();
        if (patient.UserId is not null)
            options.Add(new ParticipantOption(ParticipantKind.Patient, patient.UserId, $"{patient.GivenName} {patient.FamilyName}", null, null));
        options.AddRange(patient.Relatives.Select(r => new ParticipantOption(ParticipantKind.Relative, r.UserId!, r.Name, null, null)));
        return options;
    }

    /// <summary>The participants as the domain knows them; anyone not allowed to take part is refused with the reason.</summary>
    public static async Task<IReadOnlyList<AppointmentParticipant>> ResolveAsync(CareDbContext db, Guid patientId, PatientRelationship relationship,
        IReadOnlyList<ParticipantInput> input, CancellationToken ct)
    {
        var careTeam = relationship.ActiveCareTeamOrganisationIds.ToList();
        var options = (await OptionsAsync(db, patientId, careTeam, ct)).ToDictionary(o => (o.Kind, o.UserId));
        var participants = new List<AppointmentParticipant>();
        foreach (var person in input)
        {
            if (person.UserId is null)
            {
                if (person.Kind != ParticipantKind.Practitioner)
                    throw new DomainException("Choose the patient or relative from the list.");
                participants.Add(new AppointmentParticipant(person.Kind, null, person.Name, person.Requirement, person.Status));
                continue;
            }
            if (!options.TryGetValue((person.Kind, person.UserId), out var known))
            {
                throw new DomainException(person.Kind == ParticipantKind.Practitioner
                    ? "Only practitioners of the organisations on the patient's care team can take part."
                    : "Only the patient and relatives registered with an account can take part.");
            }
            participants.Add(new AppointmentParticipant(person.Kind, known.UserId, known.Name, person.Requirement, person.Status));
        }
        return participants;
    }
}
