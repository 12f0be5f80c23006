using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>
/// Early detection in Havby's home care: more elderly citizens so that the unit serves about forty, and three weeks of
/// change forms for each. Most are green; some are yellow, two red, one has an overdue action plan. Jens is among them,
/// green now after a yellow week. Deterministic, relative to the Copenhagen "today".
/// </summary>
internal static class DemoTriage
{
    public const int Days = 21;

    private static readonly (string Given, string Family)[] Names =
    [
        ("Asta", "Holm"), ("Viggo", "Bach"), ("Edith", "Lund"), ("Egon", "Krogh"), ("Mona", "Dahl"), ("Frede", "Winther"),
        ("Karla", "Juhl"), ("Valdemar", "Skov"), ("Agnete", "Friis"), ("Carl", "Mortensen"), ("Signe", "Bjerre"), ("Holger", "Vestergaard"),
        ("Dagmar", "Thomsen"), ("Ejnar", "Kjær"), ("Ingrid", "Munk"), ("Otto", "Brandt"),
    ];

    /// <summary>Further citizens of Havby's home care (GP: Lægerne Strandvejen).</summary>
    public static IEnumerable<Patient> Citizens(IReadOnlyDictionary<string, Organisation> bySor, DateOnly today)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            var cpr = CprOf(i, today);
            var patient = new Patient(Names[i].Given, Names[i].Family, cpr);
            patient.MoveTo(new Address($"Plejevej {2 + i * 2}", "2900", "Havby"));
            patient.AssignGp(bySor[DemoOrganisations.GpClinicSor].Id, today.AddYears(-3));
            patient.JoinCareTeam(bySor[DemoOrganisations.HomeCareSor].Id, CareTeamRole.HomeCare, new Period(today.AddMonths(-2 - i)));
            yield return patient;
        }
    }

    /// <summary>The CPR number of the citizen at <paramref name="index"/>.</summary>
    public static Cpr CprOf(int index, DateOnly today)
    {
        var birth = new DateOnly(1926 + (index * 3 % 20), 1 + (index * 7 % 12), 1 + (index * 13 % 28));
        return Cpr.Parse($"{birth:ddMMyy}{(index + 1) % 4}{(211 + index * 37) % 1000:000}", today);
    }

    /// <summary>The citizen whose name and address are protected in the person register (the sandbox says so).</summary>
    public const int ProtectedCitizen = 3;

    /// <summary>The unit's change forms and action plans for its citizens (<paramref name="citizens"/>, Jens included).</summary>
    public static (List<ChangeObservation> Observations, List<TriageActionPlan> Plans) For(
        IReadOnlyList<Patient> citizens, Guid jensId, IReadOnlyDictionary<string, Organisation> bySor, IReadOnlyDictionary<string, CareUser> users,
        DateOnly today)
    {
        var unit = bySor[DemoOrganisations.HomeCareSor];
        var worker = ActorOf(users["careworker.berg"], unit);
        var nurse = ActorOf(users["nurse.holm"], unit);
        var observations = new List<ChangeObservation>();
        var plans = new List<TriageActionPlan>();
        var ordered = citizens.Where(c => c.Id != jensId).OrderBy(c => c.Cpr.Value, StringComparer.Ordinal).ToList();
        var stories = new Dictionary<Guid, Story> { [jensId] = Story.RecoveredJens };
        // Fixed roles by position: two red, six yellow (one of them overdue), the rest green.
        Story[] assigned = [Story.Red, Story.RedAcuteHelp, Story.YellowOverdue, Story.Yellow, Story.Yellow, Story.Yellow, Story.Yellow, Story.Yellow];
        for (var i = 0; i < ordered.Count; i++)
            stories[ordered[i].Id] = i * 7 % ordered.Count < assigned.Length ? assigned[i * 7 % ordered.Count] : Story.Green;

        var index = 0;
        foreach (var (citizenId, story) in stories)
        {
            ChangeObservation? previous = null;
            // Every second or third day for three weeks; the latest yesterday (a yellow or red citizen) or the day before.
            var step = 2 + index % 2;
            var last = story is Story.Green or Story.RecoveredJens ? 1 + index % 2 : 1;
            var days = Enumerable.Range(0, Days).Select(k => last + k * step).TakeWhile(d => d <= Days).Reverse().ToList();
            foreach (var day in days)
            {
                var at = CopenhagenTime.At(today.AddDays(-day), new TimeOnly(8 + index % 6, 10 + index * 7 % 45));
                var latest = day == last;
                var (answers, vitals) = Visit(story, latest, day, index);
                var observation = ChangeObservation.Record(citizenId, unit.Id, worker, at, ChangeFormItems.Defaults, answers, vitals, [], previous);
                observation.Confirm(observation.SuggestedColour, null, day % 2 == 0 ? nurse : worker, at.AddMinutes(20));
                observations.Add(observation);
                previous = observation;
                if (latest)
                    plans.AddRange(PlansFor(story, observation, nurse, at, index));
            }
            index++;
        }
        return (observations, plans);
    }

    private enum Story
    {
        Green,
        Yellow,
        YellowOverdue,
        Red,
        RedAcuteHelp,
        RecoveredJens,
    }

    private static readonly ItemAnswer[] Usual = [new("mood", false), new("appetite", false), new("thirst", false)];

    private static (IReadOnlyList<ItemAnswer> Answers, VitalSigns Vitals) Visit(Story story, bool latest, int day, int index)
    {
        var normal = new VitalSigns(Pulse: 66 + index * 3 % 18, RespiratoryRate: 14 + index % 3, SystolicBloodPressure: 124 + index * 5 % 25,
            Temperature: 36.6m + index % 5 / 10m, OxygenSaturation: 96 + index % 3, Consciousness: Consciousness.Alert);
        var measured = day % 3 == 0 ? normal : VitalSigns.None;
        switch (story)
        {
            case Story.Red or Story.RedAcuteHelp when latest:
                return ([new("thirst", true, "Drikker næsten ingenting, tør mund"), new("urination", true, "Sparsom, mørk urin"), new("fatigue", true, "Sover det meste af dagen")],
                    new VitalSigns(Pulse: 118, RespiratoryRate: 23, SystolicBloodPressure: 102, Temperature: 38.8m, OxygenSaturation: 93,
                        Consciousness: story == Story.RedAcuteHelp ? Consciousness.NewConfusion : Consciousness.Alert));
            case Story.Yellow or Story.YellowOverdue when latest:
                return (index % 2 == 0
                        ? [new("bowels", true, "Ingen afføring i fire dage"), new("appetite", true, "Spiser halve portioner")]
                        : [new("urination", true, "Hyppig vandladning, svie"), new("mood", true, "Mere stille end vanligt")],
                    normal with { Temperature = 37.8m, Pulse = 92 });
            case Story.RecoveredJens when day is >= 8 and <= 12:
                return ([new("breathing", true, "Mere forpustet på trappen"), new("cough", true, "Hoster lidt mere om morgenen")],
                    normal with { RespiratoryRate = 21, OxygenSaturation = 94 });
            default:
                return (Usual, measured);
        }
    }

    private static IEnumerable<TriageActionPlan> PlansFor(Story story, ChangeObservation observation, Actor nurse, DateTimeOffset at, int index)
    {
        switch (story)
        {
            case Story.YellowOverdue:
                // Made at the meeting after the visit, to start the same afternoon: nobody has followed it up since.
                yield return TriageActionPlan.Make(observation.PatientId, observation.UnitId, observation.Id, TriageColour.Yellow,
                    "Mulig forstoppelse", "Væskeskema og kost med fibre; sygeplejerske vurderer maven", at.AddHours(3), "Karin Berg", nurse, at.AddHours(2));
                break;
            case Story.Yellow when index % 2 == 0:
                var plan = TriageActionPlan.Make(observation.PatientId, observation.UnitId, observation.Id, TriageColour.Yellow,
                    "Følges ved næste besøg", "Tilbyd væske ved hvert besøg, notér indtag", at.AddHours(30), "Karin Berg", nurse, at.AddHours(2));
                plan.MarkFollowedUp(nurse, at.AddHours(3), "Drak en halv liter til frokost");
                yield return plan;
                break;
            case Story.Red or Story.RedAcuteHelp:
                var red = TriageActionPlan.Make(observation.PatientId, observation.UnitId, observation.Id, TriageColour.Red,
                    "Mistanke om dehydrering og infektion", "Sygeplejerske tilser i dag, urinstix, kontakt egen læge", at.AddHours(4), "Anne Holm", nurse, at.AddMinutes(30));
                red.MarkFollowedUp(nurse, at.AddHours(3), "Tilset, urinstix positiv");
                red.EscalateToGp(nurse, at.AddHours(3).AddMinutes(10), "Vurdering af mulig urinvejsinfektion og dehydrering");
                if (story == Story.RedAcuteHelp)
                    red.RecordAcuteHelpCalled(nurse, at.AddHours(5), "Akutteamet tilkaldt");
                yield return red;
                break;
        }
    }

    private static Actor ActorOf(CareUser user, Organisation unit) => new(user.Id, user.DisplayName, user.Role, unit.Id, unit.Name);
}
