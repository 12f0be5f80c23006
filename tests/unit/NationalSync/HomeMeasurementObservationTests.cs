using CareWorkspace.Domain.Measurements;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using Hl7.Fhir.Model;

namespace CareWorkspace.UnitTests.NationalSync;

/// <summary>
/// Home measurements read from Observations: the DK-core vital-sign examples (given the patient's CPR, as the national
/// infrastructure sends it) become measurements of the right kind with their UCUM unit; an observation without a UCUM
/// quantity, without a CPR, not final or without a time is refused with why.
/// </summary>
public sealed class HomeMeasurementObservationTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    public static TheoryData<string> DkCoreQuantityExamples() =>
        [.. NationalExamples.All().Where(f => f.StartsWith("dk-core/Observation-", StringComparison.Ordinal)
            && StrictFhirParser.TryParse(NationalExamples.Read(f), out var resource, out _) && resource is Observation { Value: Quantity })];

    [Theory]
    [MemberData(nameof(DkCoreQuantityExamples))]
    public void Every_DK_core_example_with_a_UCUM_quantity_is_read_once_its_subject_carries_a_CPR(string file)
    {
        var observation = WithJensAsSubject(Parse(NationalExamples.Read(file)));
        var quantity = Assert.IsType<Quantity>(observation.Value);

        Assert.True(HomeMeasurementObservation.TryRead(observation, Today, out var reading, out var reason), reason);

        Assert.Equal(DemoDataSeeder.JensCpr, reading!.Cpr.Value);
        Assert.Equal(quantity.Value, reading.Value);
        Assert.Equal(quantity.Code, reading.Unit);
        Assert.StartsWith(observation.Code!.Coding[0].System + "|", reading.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_DK_core_heart_rate_is_a_pulse_per_minute_at_its_effective_time()
    {
        var observation = WithJensAsSubject(Parse(NationalExamples.Read("dk-core/Observation-ElseHeartRate.json")));

        Assert.True(HomeMeasurementObservation.TryRead(observation, Today, out var reading, out _));

        Assert.Equal((MeasurementKind.Pulse, 92m, "/min", "http://loinc.org|8867-4"), (reading!.Kind, reading.Value, reading.Unit, reading.Code));
        Assert.Equal(Assert.IsType<FhirDateTime>(observation.Effective).ToDateTimeOffset(TimeSpan.Zero), reading.MeasuredAt);
    }

    [Fact]
    public void An_example_whose_subject_is_only_a_reference_is_refused_for_want_of_a_CPR()
    {
        var observation = Parse(NationalExamples.Read("dk-core/Observation-ElseHeartRate.json"));

        Assert.False(HomeMeasurementObservation.TryRead(observation, Today, out _, out var reason));

        Assert.Equal("The observation's subject carries no CPR identifier.", reason);
    }

    [Fact]
    public void An_observation_without_a_UCUM_quantity_is_refused_with_a_clear_reason()
    {
        var text = SpO2(93);
        text.Value = new FhirString("Normal");
        var otherSystem = SpO2(93);
        ((Quantity)otherSystem.Value!).System = "http://example.org/units";
        var noUnit = SpO2(93);
        ((Quantity)noUnit.Value!).Code = null;

        foreach (var observation in new[] { text, otherSystem, noUnit })
        {
            Assert.False(HomeMeasurementObservation.TryRead(observation, Today, out var reading, out var reason));
            Assert.Null(reading);
            Assert.StartsWith("The observation has no UCUM quantity", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_DK_core_blood_pressure_whose_values_are_only_in_its_components_is_refused_for_want_of_a_UCUM_quantity()
    {
        var observation = WithJensAsSubject(Parse(NationalExamples.Read("dk-core/Observation-ElseBloodPressure.json")));

        Assert.False(HomeMeasurementObservation.TryRead(observation, Today, out _, out var reason));

        Assert.StartsWith("The observation has no UCUM quantity", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CPR_that_does_not_parse_and_a_person_system_that_is_unknown_are_refused()
    {
        var badCpr = SpO2(93);
        badCpr.Subject!.Identifier!.Value = "3213521235";
        var unknownSystem = SpO2(93);
        unknownSystem.Subject!.Identifier!.System = "urn:oid:9.9.9";

        Assert.False(HomeMeasurementObservation.TryRead(badCpr, Today, out _, out var badReason));
        Assert.False(HomeMeasurementObservation.TryRead(unknownSystem, Today, out _, out var unknownReason));

        Assert.StartsWith("The CPR identifier does not parse", badReason, StringComparison.Ordinal);
        Assert.Equal("A person identifier is in an unknown system (urn:oid:9.9.9).", unknownReason);
    }

    [Fact]
    public void Only_final_amended_or_corrected_measurements_with_a_time_are_read()
    {
        var erroneous = SpO2(93);
        erroneous.Status = ObservationStatus.EnteredInError;
        var corrected = SpO2(94);
        corrected.Status = ObservationStatus.Corrected;
        var timeless = SpO2(93);
        timeless.Effective = null;

        Assert.False(HomeMeasurementObservation.TryRead(erroneous, Today, out _, out var reason));
        Assert.True(HomeMeasurementObservation.TryRead(corrected, Today, out _, out _));
        Assert.False(HomeMeasurementObservation.TryRead(timeless, Today, out _, out var timeReason));

        Assert.StartsWith("The observation is EnteredInError", reason, StringComparison.Ordinal);
        Assert.Equal("The observation says nothing about when it was measured.", timeReason);
    }

    [Fact]
    public void Something_else_than_an_Observation_is_refused()
    {
        Assert.False(HomeMeasurementObservation.TryRead(new Patient(), Today, out _, out var reason));
        Assert.Equal("Expected an Observation, not Patient.", reason);
    }

    [Theory]
    [InlineData("http://loinc.org", "59408-5", MeasurementKind.OxygenSaturation)]
    [InlineData("urn:oid:1.2.208.176.2.1", "NPU03011", MeasurementKind.OxygenSaturation)]
    [InlineData("http://loinc.org", "29463-7", MeasurementKind.BodyWeight)]
    [InlineData("http://loinc.org", "20150-9", MeasurementKind.Fev1)]
    [InlineData("http://loinc.org", "2339-0", MeasurementKind.Other)]
    [InlineData("http://snomed.info/sct", "8867-4", MeasurementKind.Other)]
    public void The_kind_is_named_by_a_known_LOINC_or_NPU_code_and_only_in_its_own_system(string system, string code, MeasurementKind kind) =>
        Assert.Equal(kind, MeasurementKinds.Of([(system, code)]));

    private static Observation SpO2(decimal value) => new()
    {
        Status = ObservationStatus.Final,
        Code = new CodeableConcept("http://loinc.org", "59408-5", "Oxygen saturation"),
        Subject = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, DemoDataSeeder.JensCpr) },
        Effective = new FhirDateTime(new DateTimeOffset(2026, 11, 28, 7, 30, 0, TimeSpan.Zero)),
        Value = new Quantity { Value = value, System = HomeMeasurementObservation.Ucum, Code = "%", Unit = "%" },
    };

    private static Observation WithJensAsSubject(Observation observation)
    {
        observation.Subject = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, DemoDataSeeder.JensCpr) };
        return observation;
    }

    private static Observation Parse(string json)
    {
        Assert.True(StrictFhirParser.TryParse(json, out var resource, out var reason), reason);
        return Assert.IsType<Observation>(resource);
    }
}
