using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Demo;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CareWorkspace.Infrastructure.NationalServices.Sandbox;

/// <summary>
/// What the national services know about the demo patients: Jens Jensen's person record, the demo organisations in SOR,
/// his COPD diagnosis from the hospital, his medication, hospital appointments, the admission and discharge messages
/// of his stay (the story the demo database already tells), and home measurements.
/// </summary>
public static class SandboxSeed
{
    public const string JensAdmissionId = "jens-admission";
    public const string JensDischargeId = "jens-discharge";
    public const string HospitalName = "Nordkyst Hospital, Lungemedicinsk afdeling";
    public const string HomeCareName = "Havby Kommune, Hjemmeplejen";
    private const string Snomed = "http://snomed.info/sct";
    private const string Loinc = "http://loinc.org";
    private const string Ucum = "http://unitsofmeasure.org";

    /// <summary>The demo database's notifications for Jens' stay, already imported when the demo data was made.</summary>
    public static IReadOnlyList<string> AlreadyImportedSourceIds { get; } = ["Bundle/" + JensAdmissionId, "Bundle/" + JensDischargeId];

    public static void Fill(SandboxStore store, DateTimeOffset now)
    {
        var cpr = DemoDataSeeder.JensCpr;
        var subject = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, cpr), Display = "Jens Jensen" };

        store.Place(NationalService.Person, new Patient
        {
            Id = "jens",
            Identifier = [new Identifier(DkIdentifiers.Cpr, cpr)],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = "Jensen", Given = ["Jens"] }],
            Address = [new Address { Line = ["Strandvejen 12"], PostalCode = "2900", City = "Havby", Country = "DK" }],
            BirthDate = "1952-03-12",
        }.ToJson(), cpr);
        var protectedCpr = DemoTriage.CprOf(DemoTriage.ProtectedCitizen, Domain.Common.CopenhagenTime.DateOf(now)).Value;
        store.Place(NationalService.Person, new Patient
        {
            Id = "protected-citizen",
            Meta = new Meta { Security = [new Coding("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "restricted")] },
            Identifier = [new Identifier(DkIdentifiers.Cpr, protectedCpr)],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = "Krogh", Given = ["Egon"] }],
            Address = [new Address { Line = ["Plejevej 8"], PostalCode = "2900", City = "Havby", Country = "DK" }],
        }.ToJson(), protectedCpr);
        SandboxOrganisations.Fill(store);

        store.Place(NationalService.HospitalNotifications, new Condition
        {
            Id = "jens-copd",
            ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
            VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
            Code = new CodeableConcept(Snomed, "13645005", "Chronic obstructive lung disease", "KOL"),
            Subject = subject,
            Recorder = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Sor, DemoOrganisations.HospitalSor), Display = HospitalName },
            RecordedDate = now.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }.ToJson(), cpr);
        store.Place(NationalService.HospitalNotifications, SandboxMessages.HospitalNotification(JensAdmissionId, cpr, "Jensen",
            DemoOrganisations.HospitalSor, HospitalName, DemoOrganisations.HomeCareSor, HomeCareName, now.AddDays(-30), null), cpr);
        store.Place(NationalService.HospitalNotifications, SandboxMessages.HospitalNotification(JensDischargeId, cpr, "Jensen",
            DemoOrganisations.HospitalSor, HospitalName, DemoOrganisations.HomeCareSor, HomeCareName, now.AddDays(-30), now.AddDays(-23)), cpr);

        // His medication and measurements refer to him as the record and the telemedicine infrastructure do: the
        // Patient they know him as (the person register's here, the sandbox's services share it) and his CPR.
        var patient = new ResourceReference("Patient/jens") { Identifier = subject.Identifier, Display = subject.Display };
        SandboxMedications.Fill(store, patient, cpr, now);

        store.Place(NationalService.Appointments, new Appointment
        {
            Id = "jens-lung-function",
            Identifier = [new Identifier("urn:ietf:rfc:3986", "urn:uuid:6f1c2a9e-5b1d-4c41-9a51-0d7c3b2e8a11")],
            Status = Appointment.AppointmentStatus.Booked,
            Description = "Ambulant kontrol: lungefunktion",
            Start = now.AddDays(24),
            End = now.AddDays(24).AddMinutes(45),
            Participant =
            [
                new Appointment.ParticipantComponent { Actor = subject, Status = ParticipationStatus.Accepted },
                new Appointment.ParticipantComponent
                {
                    Actor = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Sor, DemoOrganisations.HospitalSor), Display = HospitalName },
                    Status = ParticipationStatus.Accepted,
                },
            ],
        }.ToJson(), cpr);

        PlaceHomeMeasurements(store, patient, cpr, now);
    }

    /// <summary>
    /// Six weeks of Jens' home measurements around his stay (admitted 30 days ago, home 23 days ago): oxygen saturation
    /// and pulse each morning, weight and lung function (FEV1) each week; low saturation and a fast pulse before the
    /// admission, recovering after it. None while he was in hospital.
    /// </summary>
    private static void PlaceHomeMeasurements(SandboxStore store, ResourceReference subject, string cpr, DateTimeOffset now)
    {
        var morning = Domain.Common.CopenhagenTime.At(Domain.Common.CopenhagenTime.DateOf(now), new TimeOnly(8, 0));
        for (var day = 42; day >= 1; day--)
        {
            if (day is <= 30 and > 23)
                continue;
            var at = morning.AddDays(-day).AddMinutes(day * 7 % 40);
            var worse = day is > 30 and <= 34;
            var recovering = day is <= 23 and > 16;
            var spo2 = worse ? 88 + day % 2 : recovering ? 91 + day % 2 : 93 + day % 3;
            var pulse = worse ? 98 + day % 5 : recovering ? 88 + day % 4 : 76 + day % 6;
            store.Place(NationalService.Measurements, Measurement($"jens-spo2-{day}", subject, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", spo2, "%", "%", at).ToJson(), cpr);
            store.Place(NationalService.Measurements, Measurement($"jens-pulse-{day}", subject, "8867-4", "Heart rate", pulse, "/min", "beats/minute", at).ToJson(), cpr);
            if (day % 7 == 0 || day == 22)
            {
                var weight = 78.6m - (42 - day) * 0.04m;
                var fev1 = worse || day == 22 ? 0.98m : 1.21m + day % 3 * 0.03m;
                store.Place(NationalService.Measurements, Measurement($"jens-weight-{day}", subject, "29463-7", "Body weight", weight, "kg", "kg", at.AddMinutes(5)).ToJson(), cpr);
                store.Place(NationalService.Measurements, Measurement($"jens-fev1-{day}", subject, "20150-9", "FEV1", fev1, "L", "L", at.AddMinutes(10)).ToJson(), cpr);
            }
        }
    }

    private static Observation Measurement(string id, ResourceReference subject, string loinc, string display, decimal value, string ucum, string unit, DateTimeOffset at) => new()
    {
        Id = id,
        Status = ObservationStatus.Final,
        Code = new CodeableConcept(Loinc, loinc, display),
        Subject = subject,
        Effective = new FhirDateTime(at),
        Value = new Quantity { Value = value, Unit = unit, System = Ucum, Code = ucum },
    };
}
