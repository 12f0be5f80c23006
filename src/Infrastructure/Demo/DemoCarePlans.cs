using System.Globalization;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.CarePlans;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>
/// Jens' COPD care plan, made with his GP two months ago from the COPD template: active, with the smoking and walking
/// goals agreed with him, his smoking improving and the spirometry check-up booked.
/// </summary>
internal static class DemoCarePlans
{
    public static CarePlan? ForJens(Guid jensId, CarePlanTemplates templates, IReadOnlyDictionary<string, Organisation> bySor,
        IReadOnlyDictionary<string, CareUser> users, DateTimeOffset now)
    {
        if (templates.Find("copd") is not { } copd)
            return null;
        var gp = bySor[DemoOrganisations.GpClinicSor];
        var byGp = $"{users["gp.larsen"].DisplayName} ({gp.Name})";
        var made = now.AddDays(-60);
        var careTeam = new[] { bySor[DemoOrganisations.GpClinicSor], bySor[DemoOrganisations.HomeCareSor], bySor[DemoOrganisations.HospitalSor] }
            .Select(o => (o.Id, o.Name, o.Sector)).ToList();
        var plan = copd.Instantiate(jensId, CopenhagenTime.DateOf(made), CultureInfo.GetCultureInfo("da-DK"), careTeam, new ChangeStamp(byGp, made));
        var smoking = plan.Goals[0];
        var walking = plan.Goals[1];
        plan.AgreeGoal(plan.Version, smoking.Id, new ChangeStamp(byGp, made.AddMinutes(20)));
        plan.AgreeGoal(plan.Version, walking.Id, new ChangeStamp(byGp, made.AddMinutes(21)));
        plan.ChangeStatus(plan.Version, CarePlanStatus.Active, new ChangeStamp(byGp, made.AddMinutes(25)));
        plan.AddNote(plan.Version, "Jens vil gerne starte med rygestop og gåture. Ulla støtter op.", new ChangeStamp(byGp, made.AddMinutes(26)));
        var nurse = $"{users["nurse.holm"].DisplayName} ({bySor[DemoOrganisations.HomeCareSor].Name})";
        plan.ChangeGoalAchievement(plan.Version, smoking.Id, GoalAchievement.Improving, new ChangeStamp(nurse, now.AddDays(-10)));
        return plan;
    }
}
