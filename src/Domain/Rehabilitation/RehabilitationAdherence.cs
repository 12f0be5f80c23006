using System.Globalization;

namespace CareWorkspace.Domain.Rehabilitation;

/// <summary>
/// How well the patient follows the plan, week by week (Copenhagen weeks, Monday to Sunday), for the physiotherapist's
/// review. The rule:
/// <list type="bullet">
/// <item>A week plans each exercise its times per week. The week the plan starts in plans only its share of the days
/// from the start date on, rounded up (a plan starting on a Thursday asks for 4/7 of the week).</item>
/// <item>A session of one exercise credits that exercise; a session of the whole programme credits every exercise.
/// Done counts 1, partly done ½, not done 0.</item>
/// <item>An exercise is credited at most its planned times that week: extra sessions of one exercise do not make up for
/// another that was skipped.</item>
/// <item>Each week is measured against the exercises the plan asked for that week: the programme in force on its Sunday
/// (a change during the week counts for the whole week), so a later change of the plan does not rewrite past weeks.
/// Sessions of an exercise not in that week's programme are shown as logged but not credited.</item>
/// <item>The current week is measured against today's programme, shown with its full plan and marked as in progress: the
/// patient still has days left.</item>
/// </list>
/// </summary>
public static class RehabilitationAdherence
{
    public const int MaxWeeks = 104;

    /// <summary>The weeks from the plan's start to the week of <paramref name="today"/> (at most <see cref="MaxWeeks"/>, the latest kept).</summary>
    public static IReadOnlyList<WeekAdherence> Weekly(RehabilitationPlan plan, IEnumerable<RehabilitationSession> sessions, DateOnly today)
    {
        if (today < plan.StartDate)
            return [];
        var firstMonday = MondayOf(plan.StartDate);
        var lastMonday = MondayOf(today);
        var byWeek = sessions
            .Where(s => s.PlanId == plan.Id && s.Day >= plan.StartDate && s.Day <= today)
            .GroupBy(s => MondayOf(s.Day))
            .ToDictionary(g => g.Key, g => g.ToList());
        var weeks = new List<WeekAdherence>();
        for (var monday = firstMonday; monday <= lastMonday; monday = monday.AddDays(7))
            weeks.Add(Week(plan, monday, byWeek.GetValueOrDefault(monday) ?? [], monday == lastMonday, monday == lastMonday ? today : monday.AddDays(6)));
        return weeks.Count > MaxWeeks ? weeks[^MaxWeeks..] : weeks;
    }

    /// <summary>The Monday of the week <paramref name="day"/> falls in.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static WeekAdherence Week(RehabilitationPlan plan, DateOnly monday, List<RehabilitationSession> sessions, bool isCurrent, DateOnly measuredOn)
    {
        var daysInPlan = 7 - Math.Max(0, plan.StartDate.DayNumber - monday.DayNumber);
        var wholeProgramme = Credit(sessions.Where(s => s.IsWholeProgramme));
        var planned = 0;
        var credited = 0.0;
        foreach (var exercise in plan.ExercisesOn(measuredOn))
        {
            var times = (int)Math.Ceiling(exercise.TimesPerWeek * daysInPlan / 7.0);
            planned += times;
            var own = Credit(sessions.Where(s => s.ExerciseId == exercise.Id));
            credited += Math.Min(times, own + wholeProgramme);
        }
        var pains = sessions.Where(s => s.Pain is not null).Select(s => s.Pain!.Value).ToList();
        var date = monday.ToDateTime(TimeOnly.MinValue);
        return new WeekAdherence(monday, ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date), planned, credited,
            sessions.Count(s => s.Outcome == SessionOutcome.Done),
            sessions.Count(s => s.Outcome == SessionOutcome.Partly),
            sessions.Count(s => s.Outcome == SessionOutcome.NotDone),
            pains.Count == 0 ? null : pains.Max(),
            isCurrent);
    }

    private static double Credit(IEnumerable<RehabilitationSession> sessions) => sessions.Sum(s => s.Outcome switch
    {
        SessionOutcome.Done => 1.0,
        SessionOutcome.Partly => 0.5,
        _ => 0.0,
    });
}
