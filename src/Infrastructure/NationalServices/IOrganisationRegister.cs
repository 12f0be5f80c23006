using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Organisations;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>An organisation as the organisation register (SOR) has it.</summary>
public sealed record OrganisationRecord(SorCode Sor, string Name, string? AddressLine, string? City, string? Phone, string? Kind);

/// <summary>Organisations by SOR code.</summary>
public interface IOrganisationRegister
{
    Task<OrganisationRecord?> FindBySorAsync(SorCode sor, CancellationToken ct);
}

internal sealed class OrganisationRegisterAdapter(NationalServiceClients clients) : IOrganisationRegister
{
    public async Task<OrganisationRecord?> FindBySorAsync(SorCode sor, CancellationToken ct)
    {
        var reader = clients.ReaderFor(NationalService.Organisation);
        var page = await reader.ReadPageAsync(reader.Url($"Organization?identifier={FhirSearchReader.Escape(DkIdentifiers.Sor + "|" + sor.Value)}"), ct);
        var mapped = PageMapping.Map<OrganisationRecord>(page, TryRead);
        if (mapped.Items.FirstOrDefault(i => i.Item.Sor == sor) is { Item: { } found })
            return found;
        if (mapped.Rejected.FirstOrDefault() is { } rejected)
            throw new NationalServiceException(NationalService.Organisation, NationalServiceFailure.Malformed, $"{rejected.SourceId} refused: {rejected.Reason}");
        return null;
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
        var address = found.Address.FirstOrDefault();
        organisation = new OrganisationRecord(sor!, found.Name ?? sor!.Value, address?.Line.FirstOrDefault(), address?.City,
            found.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone)?.Value,
            found.Type.FirstOrDefault()?.Coding.FirstOrDefault()?.Display ?? found.Type.FirstOrDefault()?.Text);
        return true;
    }
}
