using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>A shared appointment as the national appointments service has it; <see cref="Identifier"/> ("system|value") de-duplicates it.</summary>
public sealed record SharedAppointment(string Identifier, Cpr Cpr, DateTimeOffset Start, DateTimeOffset End, string Status, string? Description, SorCode? OrganisationSor);

/// <summary>Shared appointments (Aftaleoversigt's role), as a feed of changes.</summary>
public interface ISharedAppointments
{
    IAsyncEnumerable<NationalPage<SharedAppointment>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken ct);
}

internal sealed class SharedAppointmentsAdapter(NationalServiceClients clients, TimeProvider clock) : ISharedAppointments
{
    public IAsyncEnumerable<NationalPage<SharedAppointment>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken ct)
    {
        var today = CopenhagenTime.Today(clock);
        return clients.ReaderFor(NationalService.Appointments).SearchAsync(clients.ChangedSince("Appointment", since),
            (Resource r, out SharedAppointment? a, out string reason) => TryRead(r, today, out a, out reason), ct);
    }

    public static bool TryRead(Resource resource, DateOnly today, out SharedAppointment? appointment, out string reason)
    {
        appointment = null;
        if (resource is not Appointment found)
        {
            reason = $"Expected an Appointment, not {resource.TypeName}.";
            return false;
        }
        if (found.Identifier.FirstOrDefault(i => !string.IsNullOrEmpty(i.System) && !string.IsNullOrEmpty(i.Value)) is not { } identifier)
        {
            reason = "The appointment has no identifier to recognise it by.";
            return false;
        }
        if (found.Start is not { } start || found.End is not { } end)
        {
            reason = "The appointment has no start and end.";
            return false;
        }
        var people = found.Participant.Select(p => p.Actor?.Identifier).Where(i => i?.System is DkIdentifiers.Cpr or DkIdentifiers.XeCpr).ToList();
        if (!DkIdentifiers.TryReadCpr(people!, today, out var cpr, out reason))
            return false;
        var sor = found.Participant.Select(p => p.Actor?.Identifier).FirstOrDefault(i => i?.System == DkIdentifiers.Sor) is { } organisation
            && DkIdentifiers.TryReadSor([organisation], out var code, out _) ? code : null;
        appointment = new SharedAppointment($"{identifier.System}|{identifier.Value}", cpr!, start, end, found.Status?.ToString() ?? "", found.Description, sor);
        return true;
    }
}
