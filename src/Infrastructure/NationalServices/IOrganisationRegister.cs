using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Organisations;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>An organisation as the organisation register (SOR) has it; the name is as given (our rules check it when it is applied).</summary>
public sealed record OrganisationRecord(SorCode Sor, string? Name, string? AddressLine, string? PostalCode, string? City, string? Phone, string? Kind,
    bool Active)
{
    public SorEntry ToEntry() => new(Name, AddressLine, PostalCode, City, Phone, Kind, Active);
}

/// <summary>
/// What the register answered about one SOR code: the organisation with where it came from, nothing (the register does
/// not know the code), or an answer that was refused and why.
/// </summary>
public sealed record OrganisationLookup(OrganisationRecord? Found, Provenance? Provenance, RejectedEntry? Refused)
{
    public static readonly OrganisationLookup NotFound = new(null, null, null);
}

/// <summary>Organisations by SOR code.</summary>
public interface IOrganisationRegister
{
    /// <summary>What the register says about the SOR code; throws <see cref="NationalServiceException"/> when it cannot be asked.</summary>
    Task<OrganisationLookup> LookUpAsync(SorCode sor, CancellationToken ct);
}

internal sealed class OrganisationRegisterAdapter(NationalServiceClients clients) : IOrganisationRegister
{
    public async Task<OrganisationLookup> LookUpAsync(SorCode sor, CancellationToken ct)
    {
        var reader = clients.ReaderFor(NationalService.Organisation);
        var page = await reader.ReadPageAsync(reader.Url($"Organization?identifier={FhirSearchReader.Escape(DkIdentifiers.Sor + "|" + sor.Value)}"), ct);
        var mapped = PageMapping.Map<OrganisationRecord>(page, TryRead);
        if (mapped.Items.FirstOrDefault(i => i.Item.Sor == sor) is { Item: { } found, Provenance: var provenance })
            return new OrganisationLookup(found, provenance, null);
        if (mapped.Rejected.FirstOrDefault() is { } rejected)
            return new OrganisationLookup(null, null, rejected);
        return OrganisationLookup.NotFound;
    }

    public static bool TryRead(Resource resource, out OrganisationRecord? organisation, out string reason)
    {
        organisation = null;
        if (resource is not Organization found)
        {
            reason = $"Expected an Organization, not {resource.TypeName}.";
            return false;
        }
        if (!DkIdentifiers.TryReadSor(found.Identifier, out var sor, out reason))
            return false;
        var address = found.Address.FirstOrDefault(a => a.Use != Address.AddressUse.Old) ?? found.Address.FirstOrDefault();
        var phone = found.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone && t.Use == ContactPoint.ContactPointUse.Work)
            ?? found.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone);
        var kind = found.Type.FirstOrDefault();
        organisation = new OrganisationRecord(sor!, found.Name, address?.Line.FirstOrDefault(), address?.PostalCode, address?.City, phone?.Value,
            kind?.Coding.FirstOrDefault()?.Display ?? kind?.Text, found.Active != false);
        return true;
    }
}
