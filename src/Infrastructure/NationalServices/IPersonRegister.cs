using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Patients;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>A person as the person register (the CPR register's role) has them; a protected name and address is to be masked when shown.</summary>
public sealed record PersonRecord(Cpr Cpr, string GivenName, string FamilyName, string? AddressLine, string? PostalCode, string? City,
    bool Deceased, bool NameAndAddressProtected, Provenance Provenance);

/// <summary>Person master data by CPR.</summary>
public interface IPersonRegister
{
    /// <summary>The person, or null when the register has none; throws <see cref="NationalServiceException"/> when it cannot be asked, or what it answered is refused.</summary>
    Task<PersonRecord?> FindByCprAsync(Cpr cpr, CancellationToken ct);
}

internal sealed class PersonRegisterAdapter(NationalServiceClients clients, TimeProvider clock) : IPersonRegister
{
    private const string Restricted = "R";
    private const string VeryRestricted = "V";

    public async Task<PersonRecord?> FindByCprAsync(Cpr cpr, CancellationToken ct)
    {
        var reader = clients.ReaderFor(NationalService.Person);
        var page = await reader.ReadPageAsync(reader.Url($"Patient?identifier={FhirSearchReader.Escape(cpr.System + "|" + cpr.Value)}"), ct);
        var mapped = PageMapping.Map<PersonRecord>(page, (Resource r, out PersonRecord? p, out string reason) => TryRead(r, CopenhagenTime.Today(clock), out p, out reason));
        if (mapped.Items.FirstOrDefault(i => i.Item.Cpr == cpr) is { Item: { } found })
            return found;
        if (mapped.Rejected.FirstOrDefault() is { } rejected)
            throw new NationalServiceException(NationalService.Person, NationalServiceFailure.Malformed, $"{rejected.SourceId} refused: {rejected.Reason}");
        return null;
    }

    public static bool TryRead(Resource resource, DateOnly today, out PersonRecord? person, out string reason)
    {
        person = null;
        if (resource is not Hl7.Fhir.Model.Patient patient)
        {
            reason = $"Expected a Patient, not {resource.TypeName}.";
            return false;
        }
        if (!DkIdentifiers.TryReadCpr(patient.Identifier, today, out var cpr, out reason))
            return false;
        var name = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault();
        var address = patient.Address.FirstOrDefault();
        var isProtected = patient.Meta?.Security.Any(s => s.Code is Restricted or VeryRestricted) == true;
        person = new PersonRecord(cpr!, string.Join(' ', name?.Given ?? []), name?.Family ?? "", address?.Line.FirstOrDefault(), address?.PostalCode,
            address?.City, patient.Deceased is FhirBoolean { Value: true } or FhirDateTime, isProtected,
            new Provenance("Patient/" + patient.Id, patient.Meta?.VersionId, patient.Meta?.LastUpdated, ""));
        return true;
    }
}
