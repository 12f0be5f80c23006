using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Rehabilitation;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>
/// Jens' rehabilitation plan from his hospital stay (general rehabilitation at Havby's rehabilitation centre, started three
/// weeks ago) with the training he and Ulla have logged since: a good first week, a dip with more pain, then better.
/// </summary>
internal static class DemoRehabilitation
{
    public static (RehabilitationPlan Plan, IReadOnlyList<RehabilitationSession> Sessions) ForJens(Guid jensId,
        IReadOnlyDictionary<string, Organisation> bySor, IReadOnlyDictionary<string, CareUser> users, DateOnly today, DateTimeOffset now)
    {
        var hospital = bySor[DemoOrganisations.HospitalSor];
        var doctor = new Actor(users["hospital.doctor"].Id, users["hospital.doctor"].DisplayName, UserRole.HospitalClinician, hospital.Id, hospital.Name);
        var start = today.AddDays(-20);
        var plan = RehabilitationPlan.Make(doctor, jensId,
            new RehabilitationPlanDetails(RehabilitationKind.General, bySor[DemoOrganisations.RehabSor].Id, start, 2,
                "Kunne gå til købmanden (400 m) og op ad trappen til 1. sal uden pause."),
            [
                new ExerciseInput(null, "Rejse-sætte-sig fra stol", "Sid på en stol uden armlæn. Rejs dig og sæt dig igen uden at bruge armene. Pust ud, når du rejser dig.", 3, 10, null, 3),
                new ExerciseInput(null, "Gåtur", "Gå i et tempo, hvor du kan tale i korte sætninger. Hvil, hvis du bliver meget forpustet.", null, null, 20, 5),
                new ExerciseInput(null, "Armstræk med elastik", "Elastikken under fødderne; bøj albuerne og før hænderne op mod skuldrene.", 2, 12, null, 3),
                new ExerciseInput(null, "Læbepust", "Træk vejret ind gennem næsen, og pust langsomt ud gennem let sammenpressede læber.", null, null, 5, 7),
            ],
            new ChangeStamp($"{doctor.DisplayName} ({hospital.Name})", now.AddDays(-21)));

        var jens = new Actor(users["jens"].Id, users["jens"].DisplayName, UserRole.Patient, null, null);
        var ulla = new Actor(users["ulla"].Id, users["ulla"].DisplayName, UserRole.Relative, null, null);
        var sessions = new List<RehabilitationSession>();
        for (var day = start; day < today; day = day.AddDays(1))
        {
            var n = day.DayNumber - start.DayNumber;
            var dip = n is >= 7 and < 12;
            var by = n % 5 == 3 ? ulla : jens;
            var at = CopenhagenTime.At(day, new TimeOnly(18, 30));
            // The breathing exercise every day, the programme every other day, a walk on the days between.
            sessions.Add(RehabilitationSession.Log(plan, by, day, plan.Exercises[3].Id, SessionOutcome.Done, null, null, today, at));
            if (n % 2 == 0)
            {
                var outcome = dip ? (n % 4 == 0 ? SessionOutcome.NotDone : SessionOutcome.Partly) : SessionOutcome.Done;
                var note = dip && outcome == SessionOutcome.NotDone ? "Meget forpustet i dag, og ondt i knæet." : null;
                sessions.Add(RehabilitationSession.Log(plan, by, day, null, outcome, dip ? 6 : 2, note, today, at));
            }
            else
            {
                sessions.Add(RehabilitationSession.Log(plan, by, day, plan.Exercises[1].Id, dip ? SessionOutcome.Partly : SessionOutcome.Done,
                    dip ? 5 : 1, dip ? "Gik kun halvvejs." : null, today, at));
            }
        }
        return (plan, sessions);
    }
}
