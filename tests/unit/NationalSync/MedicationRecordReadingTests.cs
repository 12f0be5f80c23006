using CareWorkspace.Domain.Medicines;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using Hl7.Fhir.Model;

namespace CareWorkspace.UnitTests.NationalSync;

/// <summary>How a MedicationStatement or MedicationRequest of the Shared Medication Record becomes a medication on the list.</summary>
public sealed class MedicationRecordReadingTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private const string JensCpr = "1203521235";

    private static ResourceReference Jens => new() { Identifier = new Identifier(DkIdentifiers.Cpr, JensCpr) };

    private static MedicationStatement Tiotropium(MedicationStatement.MedicationStatusCodes status = MedicationStatement.MedicationStatusCodes.Active) =>
        SandboxMedications.Statement("t", Jens, SandboxMedications.Drug("R03BB04", "Spiriva Respimat", "inhalationsvæske, opløsning", 2.5m, "mikrogram", "dosis"),
            "2 pust 1 gang dagligt", asNeeded: false, "Inhalation", "mod KOL", new DateOnly(2025, 10, 25), null, status,
            new ResourceReference { Display = "Peter Larsen, Lægerne Strandvejen" });

    [Fact]
    public void A_statement_with_a_contained_drug_gives_name_strength_form_ATC_dose_route_indication_start_and_prescriber()
    {
        Assert.True(MedicationRecordReading.TryRead(Tiotropium(), Today, out var medication, out var reason), reason);

        var d = medication!.Details;
        Assert.Equal("120352-1235", medication.Cpr.Display);
        Assert.Equal(("Spiriva Respimat", "2,5 mikrogram/dosis", "inhalationsvæske, opløsning", "R03BB04"), (d.DrugName, d.Strength, d.Form, d.AtcCode));
        Assert.Equal(("2 pust 1 gang dagligt", false, "Inhalation", "mod KOL"), (d.DoseText, d.AsNeeded, d.Route, d.Indication));
        Assert.Equal((new DateOnly(2025, 10, 25), (DateOnly?)null, MedicationStatus.Active), (d.Start, d.End, d.Status));
        Assert.Equal(("Peter Larsen, Lægerne Strandvejen", (string?)null), (d.Prescriber, d.Organisation));
        Assert.False(medication.EnteredInError);
    }

    [Theory]
    [InlineData(MedicationStatement.MedicationStatusCodes.Active, MedicationStatus.Active)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Intended, MedicationStatus.Active)]
    [InlineData(MedicationStatement.MedicationStatusCodes.OnHold, MedicationStatus.Paused)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Completed, MedicationStatus.Stopped)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Stopped, MedicationStatus.Stopped)]
    [InlineData(MedicationStatement.MedicationStatusCodes.NotTaken, MedicationStatus.Stopped)]
    public void A_statement_status_is_grouped_active_paused_or_stopped(MedicationStatement.MedicationStatusCodes status, MedicationStatus expected)
    {
        Assert.True(MedicationRecordReading.TryRead(Tiotropium(status), Today, out var medication, out var reason), reason);
        Assert.Equal(expected, medication!.Details.Status);
    }

    [Fact]
    public void A_statement_entered_in_error_is_read_as_withdrawn_and_one_of_unknown_status_is_refused()
    {
        Assert.True(MedicationRecordReading.TryRead(Tiotropium(MedicationStatement.MedicationStatusCodes.EnteredInError), Today, out var withdrawn, out _));
        Assert.True(withdrawn!.EnteredInError);

        Assert.False(MedicationRecordReading.TryRead(Tiotropium(MedicationStatement.MedicationStatusCodes.Unknown), Today, out _, out var reason));
        Assert.Equal("The medication statement's status (Unknown) does not say whether it is taken.", reason);
    }

    [Fact]
    public void A_prescription_reads_its_coded_drug_authored_date_requester_and_as_needed_dosage()
    {
        var request = new MedicationRequest
        {
            Status = MedicationRequest.MedicationrequestStatus.OnHold,
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Medication = new CodeableConcept(MedicationRecordReading.AtcSystem, "R03AC02", "Salbutamol", "Airomir 0,1 mg/dosis"),
            Subject = Jens,
            AuthoredOnElement = new FhirDateTime("2026-02-01"),
            Requester = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Sor, "1234567890123"), Display = "Nordkyst Hospital" },
            DosageInstruction = [new Dosage { Text = "1-2 pust efter behov", AsNeeded = new FhirBoolean(true) }],
        };

        Assert.True(MedicationRecordReading.TryRead(request, Today, out var medication, out var reason), reason);

        var d = medication!.Details;
        Assert.Equal(("Airomir 0,1 mg/dosis", "R03AC02", true), (d.DrugName, d.AtcCode, d.AsNeeded));
        Assert.Equal((new DateOnly(2026, 2, 1), MedicationStatus.Paused), (d.Start!.Value, d.Status));
        Assert.Equal(((string?)null, "Nordkyst Hospital"), (d.Prescriber, d.Organisation));
    }

    [Fact]
    public void A_draft_prescription_is_refused()
    {
        var draft = new MedicationRequest
        {
            Status = MedicationRequest.MedicationrequestStatus.Draft,
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Medication = new CodeableConcept { Text = "Salbutamol" },
            Subject = Jens,
        };
        Assert.False(MedicationRecordReading.TryRead(draft, Today, out _, out var reason));
        Assert.Equal("A draft prescription is not part of the medication record.", reason);
    }

    [Fact]
    public void A_medication_without_a_CPR_identified_patient_or_a_drug_name_or_of_another_type_is_refused()
    {
        var byReference = Tiotropium();
        byReference.Subject = new ResourceReference("Patient/123");
        Assert.False(MedicationRecordReading.TryRead(byReference, Today, out _, out var reason));
        Assert.Equal("The medication names no patient by CPR identifier.", reason);

        var badCpr = Tiotropium();
        badCpr.Subject = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, "3213521235") };
        Assert.False(MedicationRecordReading.TryRead(badCpr, Today, out _, out reason));
        Assert.StartsWith("The CPR identifier does not parse", reason, StringComparison.Ordinal);

        var nameless = Tiotropium();
        nameless.Medication = new ResourceReference("#missing");
        Assert.False(MedicationRecordReading.TryRead(nameless, Today, out _, out reason));
        Assert.StartsWith("The medication has no drug name", reason, StringComparison.Ordinal);

        Assert.False(MedicationRecordReading.TryRead(new Observation(), Today, out _, out reason));
        Assert.Equal("Expected a MedicationStatement or MedicationRequest, not Observation.", reason);
    }

    [Fact]
    public void A_medication_that_ends_before_it_starts_is_refused()
    {
        var statement = Tiotropium();
        statement.Effective = new Hl7.Fhir.Model.Period(new FhirDateTime("2026-03-01"), new FhirDateTime("2026-02-01"));
        Assert.False(MedicationRecordReading.TryRead(statement, Today, out _, out var reason));
        Assert.Equal("The medication ends (2026-02-01) before it starts (2026-03-01).", reason);
    }
}
