using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using Hl7.Fhir.Model;

namespace CareWorkspace.UnitTests.NationalSync;

/// <summary>MedCom hospital notifications: admission and discharge read from the message, refused with a reason when they cannot be trusted.</summary>
public sealed class HospitalNotificationMessageTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly DateTimeOffset Admitted = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> MedComExamples() =>
        [.. NationalExamples.All().Where(f => f.StartsWith("dk-medcom-hospitalnotification/Bundle-", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(MedComExamples))]
    public void Every_MedCom_example_is_read_with_patient_hospital_and_kind(string file)
    {
        var bundle = Parse(NationalExamples.Read(file));
        var encounter = bundle.Entry.Select(e => e.Resource).OfType<Encounter>().Single();

        Assert.True(HospitalNotificationMessage.TryRead(bundle, Today, out var notification, out var reason), reason);

        Assert.Equal(encounter.Status switch
        {
            Encounter.EncounterStatus.InProgress => HospitalNotificationKind.Admission,
            Encounter.EncounterStatus.Finished => HospitalNotificationKind.Discharge,
            _ => HospitalNotificationKind.Other,
        }, notification!.Kind);
        Assert.Equal(10, notification.Cpr.Value.Length);
        Assert.NotEmpty(notification.HospitalSor.Value);
    }

    [Fact]
    public void A_discharge_from_the_sandbox_is_read_with_its_discharge_time()
    {
        var discharged = Admitted.AddDays(5);
        var json = Message(DemoDataSeeder.JensCpr, discharged);

        Assert.True(HospitalNotificationMessage.TryRead(Parse(json), Today, out var notification, out _));

        Assert.Equal(HospitalNotificationKind.Discharge, notification!.Kind);
        Assert.Equal(DemoDataSeeder.JensCpr, notification.Cpr.Value);
        Assert.Equal(DemoOrganisations.HospitalSor, notification.HospitalSor.Value);
        Assert.Equal(discharged, notification.At);
    }

    [Fact]
    public void A_CPR_that_does_not_parse_is_refused_with_a_reason()
    {
        Assert.False(HospitalNotificationMessage.TryRead(Parse(Message("3213521235", null)), Today, out _, out var reason));
        Assert.StartsWith("The CPR identifier does not parse", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_identifier_in_an_unknown_system_is_refused()
    {
        var bundle = Parse(Message(DemoDataSeeder.JensCpr, null));
        bundle.Entry.Select(e => e.Resource).OfType<Patient>().Single().Identifier.Add(new Identifier("urn:oid:9.9.9", "42"));

        Assert.False(HospitalNotificationMessage.TryRead(bundle, Today, out _, out var reason));
        Assert.Equal("A person identifier is in an unknown system (urn:oid:9.9.9).", reason);
    }

    [Fact]
    public void A_message_that_does_not_start_with_its_MessageHeader_is_refused()
    {
        var bundle = Parse(Message(DemoDataSeeder.JensCpr, null));
        var header = bundle.Entry[0];
        bundle.Entry.RemoveAt(0);
        bundle.Entry.Add(header);

        Assert.False(HospitalNotificationMessage.TryRead(bundle, Today, out _, out var reason));
        Assert.Equal("A message Bundle must start with its MessageHeader.", reason);
    }

    [Fact]
    public void A_resource_that_is_not_a_message_is_refused()
    {
        Assert.False(HospitalNotificationMessage.TryRead(new Patient(), Today, out _, out var reason));
        Assert.Equal("Expected a message Bundle, not Patient.", reason);
    }

    private static string Message(string cpr, DateTimeOffset? discharged) =>
        SandboxMessages.HospitalNotification("test", cpr, "Jensen", DemoOrganisations.HospitalSor, SandboxSeed.HospitalName,
            DemoOrganisations.HomeCareSor, SandboxSeed.HomeCareName, Admitted, discharged);

    private static Bundle Parse(string json)
    {
        Assert.True(StrictFhirParser.TryParse(json, out var resource, out var reason), reason);
        return Assert.IsType<Bundle>(resource);
    }
}
