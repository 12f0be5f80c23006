using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>Further fictitious patients and elderly citizens with varied conditions, deterministic from run to run.</summary>
internal static class DemoCitizens
{
    private static readonly string[] GivenNames =
        ["Karen", "Poul", "Inge", "Erik", "Birthe", "Hans", "Kirsten", "Niels", "Hanne", "Bent",
         "Lone", "Ole", "Grethe", "Svend", "Ruth", "Knud", "Else", "Henning", "Jytte", "Aage",
         "Bodil", "Finn", "Lis", "Arne", "Tove", "Leif", "Gerda", "Torben", "Vibeke", "Per",
         "Åse", "Søren", "Ellen", "Jørgen"];

    private static readonly string[] FamilyNames =
        ["Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen"];

    private static readonly (string Code, string Text)[] Conditions =
    [
        ("DE119", "Type 2-diabetes uden komplikationer"),
        ("DI500", "Hjerteinsufficiens"),
        ("DJ449", "Kronisk obstruktiv lungesygdom (KOL)"),
        ("DF03", "Demens, uspecificeret"),
        ("DM819", "Osteoporose"),
        ("DI489", "Atrieflimren"),
        ("DN183", "Kronisk nyresygdom, stadie 3"),
        ("DG20", "Parkinsons sygdom"),
        ("DS720", "Fraktur af lårbenshals"),
        ("DI639", "Apopleksi (blodprop i hjernen)"),
        ("DF329", "Depression"),
        ("DM171", "Knæartrose"),
    ];

    public static IEnumerable<Patient> Create(IReadOnlyDictionary<string, Organisation> bySor, DateOnly today)
    {
        for (var i = 0; i < GivenNames.Length; i++)
        {
            var birth = new DateOnly(1930 + (i * 7 % 35), 1 + (i * 5 % 12), 1 + (i * 11 % 28));
            var cpr = Cpr.Parse($"{birth:ddMMyy}{i % 4}{(137 + i * 29) % 1000:000}", today);
            var patient = new Patient(GivenNames[i], FamilyNames[i % FamilyNames.Length], cpr);
            patient.MoveTo(new Address($"{StreetFor(i)} {1 + i * 3}", i % 3 == 2 ? "4000" : "2900", i % 3 == 2 ? "Skovlund" : "Havby"));
            patient.ChangePhone($"+45 {40 + i % 50} {10 + i:00} {20 + i:00} {30 + i:00}");
            patient.AssignGp(bySor[DemoOrganisations.GpClinicSor].Id, today.AddYears(-5));
            if (i % 3 == 2)
                patient.JoinCareTeam(bySor[DemoOrganisations.OtherHomeCareSor].Id, CareTeamRole.HomeCare, new Period(today.AddMonths(-i)));
            else
                patient.JoinCareTeam(bySor[DemoOrganisations.HomeCareSor].Id, CareTeamRole.HomeCare, new Period(today.AddMonths(-i)));
            if (i % 4 == 0)
                patient.JoinCareTeam(bySor[DemoOrganisations.HospitalSor].Id, CareTeamRole.TreatingHospital, new Period(today.AddDays(-i)));
            if (i % 5 == 1)
                patient.JoinCareTeam(bySor[DemoOrganisations.RehabSor].Id, CareTeamRole.Rehabilitation, new Period(today.AddDays(-i), today.AddMonths(2)));
            var first = Conditions[i % Conditions.Length];
            patient.AddCondition(Condition.SksSystem, first.Code, first.Text, today.AddYears(-(i % 9)).AddDays(-i));
            if (i % 2 == 0)
            {
                var second = Conditions[(i + 5) % Conditions.Length];
                patient.AddCondition(Condition.SksSystem, second.Code, second.Text, today.AddYears(-(i % 4)).AddDays(-2 * i));
            }
            if (i % 3 != 1)
                patient.AddRelative($"{GivenNames[(i + 7) % GivenNames.Length]} {patient.FamilyName}", i % 2 == 0 ? RelationshipCode.SPS : RelationshipCode.CHILD,
                    $"+45 {50 + i % 40} {30 + i:00} {40 + i:00} {50 + i:00}", isContactRelative: true);
            yield return patient;
        }
    }

    private static string StreetFor(int i) => (i % 5) switch
    {
        0 => "Skolevej",
        1 => "Kirkevej",
        2 => "Møllevej",
        3 => "Bakkegade",
        _ => "Engvej",
    };
}
