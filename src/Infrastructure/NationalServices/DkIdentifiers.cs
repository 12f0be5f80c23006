using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>The DK-core identifier systems (hl7dk/dk-core) the national services use; anything else is refused when read.</summary>
public static class DkIdentifiers
{
    public const string Cpr = Domain.Patients.Cpr.CprSystem;
    public const string XeCpr = Domain.Patients.Cpr.XeCprSystem;
    public const string DeCpr = "urn:oid:1.2.208.176.1.6.1.3";
    public const string Sor = "urn:oid:1.2.208.176.1.1";
    public const string Ydernummer = "urn:oid:1.2.208.176.1.4";

    /// <summary>One national guide misspells the Ydernummer system; it is accepted when reading.</summary>
    public const string YdernummerMisspelt = "urn:oid.1.2.208.176.1.4";
    public const string Cvr = "http://cvr.dk";
    public const string Gln = "http://www.gs1.org/gln";

    private static readonly HashSet<string> PersonSystems = [Cpr, XeCpr, DeCpr];
    private static readonly HashSet<string> OrganisationSystems = [Sor, Ydernummer, YdernummerMisspelt, Cvr, Gln];

    /// <summary>The person's CPR (or X-eCPR), when every identifier is in a person system and the number parses; otherwise why not.</summary>
    public static bool TryReadCpr(IEnumerable<Identifier> identifiers, DateOnly today, out Cpr? cpr, out string reason)
    {
        cpr = null;
        var list = identifiers.ToList();
        if (list.FirstOrDefault(i => i.System is null || !PersonSystems.Contains(i.System)) is { } unknown)
        {
            reason = $"A person identifier is in an unknown system ({unknown.System ?? "none"}).";
            return false;
        }
        var number = list.FirstOrDefault(i => i.System == Cpr) ?? list.FirstOrDefault(i => i.System == XeCpr);
        if (number is null)
        {
            reason = "The person has no CPR identifier.";
            return false;
        }
        if (!Domain.Patients.Cpr.TryParse(number.Value, today, out var parsed, out var error))
        {
            reason = $"The CPR identifier does not parse ({error}).";
            return false;
        }
        cpr = parsed;
        reason = "";
        return true;
    }

    /// <summary>The organisation's SOR code, when every identifier is in an organisation system and the SOR code parses.</summary>
    public static bool TryReadSor(IEnumerable<Identifier> identifiers, out SorCode? sor, out string reason)
    {
        sor = null;
        var list = identifiers.ToList();
        if (list.FirstOrDefault(i => i.System is null || !OrganisationSystems.Contains(i.System)) is { } unknown)
        {
            reason = $"An organisation identifier is in an unknown system ({unknown.System ?? "none"}).";
            return false;
        }
        if (list.FirstOrDefault(i => i.System == Sor) is not { } code)
        {
            reason = "The organisation has no SOR identifier.";
            return false;
        }
        try
        {
            sor = SorCode.Parse(code.Value);
            reason = "";
            return true;
        }
        catch (Domain.Common.DomainException ex)
        {
            reason = $"The SOR identifier does not parse ({ex.Message}).";
            return false;
        }
    }
}
