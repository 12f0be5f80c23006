using System.Globalization;
using CareWorkspace.Domain.Medicines;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>
/// Reads a MedicationStatement or MedicationRequest into a <see cref="NationalMedication"/>: the drug from the
/// medication concept or a contained Medication (name, ATC code, form, strength), the first dosage (text, as needed,
/// route), the reason, the period, the status and who prescribed it. Refused with a reason: another resource type, a
/// patient without a CPR in a DK-core system, no drug name, a draft prescription, an unknown status.
/// </summary>
public static class MedicationRecordReading
{
    public const string AtcSystem = "http://www.whocc.no/atc";

    public static bool TryRead(Resource resource, DateOnly today, out NationalMedication? medication, out string reason)
    {
        medication = null;
        switch (resource)
        {
            case MedicationStatement statement:
                return TryReadStatement(statement, today, out medication, out reason);
            case MedicationRequest request:
                return TryReadRequest(request, today, out medication, out reason);
            default:
                reason = $"Expected a MedicationStatement or MedicationRequest, not {resource.TypeName}.";
                return false;
        }
    }

    private static bool TryReadStatement(MedicationStatement statement, DateOnly today, out NationalMedication? medication, out string reason)
    {
        medication = null;
        if (!TryReadPatient(statement.Subject, today, out var cpr, out reason))
            return false;
        if (statement.Status is not { } status)
        {
            reason = "The medication statement has no status.";
            return false;
        }
        var mapped = status switch
        {
            MedicationStatement.MedicationStatusCodes.Active or MedicationStatement.MedicationStatusCodes.Intended => MedicationStatus.Active,
            MedicationStatement.MedicationStatusCodes.OnHold => MedicationStatus.Paused,
            MedicationStatement.MedicationStatusCodes.Completed or MedicationStatement.MedicationStatusCodes.Stopped
                or MedicationStatement.MedicationStatusCodes.NotTaken => MedicationStatus.Stopped,
            _ => (MedicationStatus?)null,
        };
        var withdrawn = status == MedicationStatement.MedicationStatusCodes.EnteredInError;
        if (mapped is null && !withdrawn)
        {
            reason = $"The medication statement's status ({status}) does not say whether it is taken.";
            return false;
        }
        if (!TryReadDrug(statement.Medication, statement.Contained, out var drug, out reason))
            return false;
        var (start, end) = statement.Effective switch
        {
            Period period => (DateOf(period.StartElement), DateOf(period.EndElement)),
            FhirDateTime at => (DateOf(at), null),
            _ => (null, null),
        };
        var dosage = statement.Dosage.FirstOrDefault();
        var (prescriber, organisation) = WhoOf(statement.InformationSource);
        return Done(cpr!, drug!, dosage, Text(statement.ReasonCode.FirstOrDefault()), start, end, mapped ?? MedicationStatus.Stopped,
            prescriber, organisation, withdrawn, out medication, out reason);
    }

    private static bool TryReadRequest(MedicationRequest request, DateOnly today, out NationalMedication? medication, out string reason)
    {
        medication = null;
        if (!TryReadPatient(request.Subject, today, out var cpr, out reason))
            return false;
        if (request.Status is not { } status)
        {
            reason = "The prescription has no status.";
            return false;
        }
        if (status == MedicationRequest.MedicationrequestStatus.Draft)
        {
            reason = "A draft prescription is not part of the medication record.";
            return false;
        }
        var mapped = status switch
        {
            MedicationRequest.MedicationrequestStatus.Active => MedicationStatus.Active,
            MedicationRequest.MedicationrequestStatus.OnHold => MedicationStatus.Paused,
            MedicationRequest.MedicationrequestStatus.Completed or MedicationRequest.MedicationrequestStatus.Stopped
                or MedicationRequest.MedicationrequestStatus.Cancelled => MedicationStatus.Stopped,
            _ => (MedicationStatus?)null,
        };
        var withdrawn = status == MedicationRequest.MedicationrequestStatus.EnteredInError;
        if (mapped is null && !withdrawn)
        {
            reason = $"The prescription's status ({status}) does not say whether it is taken.";
            return false;
        }
        if (!TryReadDrug(request.Medication, request.Contained, out var drug, out reason))
            return false;
        var dosage = request.DosageInstruction.FirstOrDefault();
        var bounds = dosage?.Timing?.Repeat?.Bounds as Period;
        var start = DateOf(bounds?.StartElement) ?? DateOf(request.AuthoredOnElement);
        var end = DateOf(bounds?.EndElement);
        var (prescriber, organisation) = WhoOf(request.Requester);
        return Done(cpr!, drug!, dosage, Text(request.ReasonCode.FirstOrDefault()), start, end, mapped ?? MedicationStatus.Stopped,
            prescriber, organisation, withdrawn, out medication, out reason);
    }

    private static bool Done(Domain.Patients.Cpr cpr, Drug drug, Dosage? dosage, string? indication, DateOnly? start, DateOnly? end,
        MedicationStatus status, string? prescriber, string? organisation, bool withdrawn, out NationalMedication? medication, out string reason)
    {
        medication = null;
        if (start is { } from && end is { } to && to < from)
        {
            reason = $"The medication ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).";
            return false;
        }
        var asNeeded = dosage?.AsNeeded is FhirBoolean { Value: true } or CodeableConcept;
        var details = new MedicationDetails(drug.Name, drug.Strength, drug.Form, drug.Atc, dosage?.Text, asNeeded, Text(dosage?.Route),
            indication, start, end, status, prescriber, organisation);
        medication = new NationalMedication(cpr, details, withdrawn);
        reason = "";
        return true;
    }

    private static bool TryReadPatient(ResourceReference? subject, DateOnly today, out Domain.Patients.Cpr? cpr, out string reason)
    {
        cpr = null;
        if (subject?.Identifier is not { } identifier)
        {
            reason = "The medication names no patient by CPR identifier.";
            return false;
        }
        return DkIdentifiers.TryReadCpr([identifier], today, out cpr, out reason);
    }

    private sealed record Drug(string Name, string? Strength, string? Form, string? Atc);

    /// <summary>The drug from the medication concept, or from a Medication contained in the resource ("#id").</summary>
    private static bool TryReadDrug(DataType? medication, List<Resource> contained, out Drug? drug, out string reason)
    {
        drug = null;
        var found = medication switch
        {
            CodeableConcept concept => new Drug(Text(concept) ?? "", null, null, Atc(concept)),
            ResourceReference { Reference: ['#', .. var id] } => contained.OfType<Medication>().FirstOrDefault(m => m.Id == id) is { } contains
                ? new Drug(Text(contains.Code) ?? "", Strength(contains), Text(contains.Form), Atc(contains.Code))
                : null,
            ResourceReference { Display: { Length: > 0 } display } => new Drug(display, null, null, null),
            _ => null,
        };
        if (found is null || string.IsNullOrWhiteSpace(found.Name))
        {
            reason = "The medication has no drug name (neither a coded medication nor a contained Medication with a name).";
            return false;
        }
        drug = found;
        reason = "";
        return true;
    }

    private static string? Atc(CodeableConcept? concept) => concept?.Coding.FirstOrDefault(c => c.System == AtcSystem)?.Code;

    private static string? Text(CodeableConcept? concept) =>
        concept is null ? null
        : !string.IsNullOrWhiteSpace(concept.Text) ? concept.Text
        : concept.Coding.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));

    /// <summary>The record's texts are Danish, and so is the strength's number.</summary>
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>The first ingredient's strength, e.g. "2,5 mikrogram/dosis" or "20 mg".</summary>
    private static string? Strength(Medication medication)
    {
        if (medication.Ingredient.FirstOrDefault()?.Strength is not { Numerator: { Value: { } amount } numerator } ratio)
            return null;
        var text = $"{amount.ToString(Danish)} {numerator.Unit ?? numerator.Code}".Trim();
        return ratio.Denominator is { } per && (per.Value != 1 || per.Unit is not null) && (per.Unit ?? per.Code) is { Length: > 0 } unit
            ? per.Value is 1 or null ? $"{text}/{unit}" : $"{text}/{per.Value.Value.ToString(Danish)} {unit}"
            : text;
    }

    /// <summary>A practitioner reference is the prescriber; one with a SOR identifier is the organisation.</summary>
    private static (string? Prescriber, string? Organisation) WhoOf(ResourceReference? who)
    {
        if (who?.Display is not { Length: > 0 } display)
            return (null, null);
        return who.Identifier?.System == DkIdentifiers.Sor || who.Reference?.StartsWith("Organization/", StringComparison.Ordinal) == true
            ? (null, display)
            : (display, null);
    }

    private static DateOnly? DateOf(FhirDateTime? at) =>
        at?.Value is { Length: >= 10 } text && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
}
