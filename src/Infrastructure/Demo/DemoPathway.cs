using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Messaging;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>
/// Jens' pathway so far: admission, discharge, follow-up, rehabilitation, and a few messages. Care team changes and
/// notifications are kinds, shown in the reader's language; the clinical notes stand for free text from the sectors' own
/// records, shown as written.
/// </summary>
internal static class DemoPathway
{
    public static IEnumerable<PathwayEvent> EventsForJens(Guid jensId, IReadOnlyDictionary<string, Organisation> bySor, DateTimeOffset now)
    {
        var hospital = bySor[DemoOrganisations.HospitalSor];
        var gp = bySor[DemoOrganisations.GpClinicSor];
        var homeCare = bySor[DemoOrganisations.HomeCareSor];
        var rehab = bySor[DemoOrganisations.RehabSor];
        PathwayEvent E(Organisation org, int days, PathwayEventType type, string title, string? detail = null) =>
            new(jensId, now.AddDays(days), type, org.Sector, org.Id, org.Name, title, detail);

        yield return E(gp, -400, PathwayEventType.Appointment, "Annual COPD check-up", "Spirometry FEV1 58 % of expected.");
        yield return E(hospital, -30, PathwayEventType.Admission, "Admitted with acute exacerbation of COPD", "Influenza A positive. Oxygen 2 l/min.");
        yield return PathwayEvent.CareTeamJoined(jensId, now.AddDays(-30), hospital, CareTeamRole.TreatingHospital, reason: null, addedBy: null);
        yield return PathwayEvent.HospitalNotificationReceived(jensId, now.AddDays(-24), homeCare);
        yield return E(hospital, -23, PathwayEventType.Discharge, "Discharged home with a rehabilitation plan", "GP consultation within one week.");
        yield return E(gp, -20, PathwayEventType.Appointment, "Post-discharge consultation at the GP");
        yield return E(gp, -20, PathwayEventType.PlanChange, "Care plan updated: new goals for walking distance and smoking cessation");
        yield return PathwayEvent.CareTeamJoined(jensId, now.AddDays(-14), homeCare, CareTeamRole.HomeCare, reason: null, addedBy: null);
        yield return E(rehab, -7, PathwayEventType.PlanChange, "Municipal rehabilitation started: twice weekly training");
        yield return E(rehab, 3, PathwayEventType.Appointment, "Training session at the rehabilitation centre");
    }

    public static IEnumerable<MessageThread> ThreadsForJens(Guid jensId, IReadOnlyDictionary<string, Organisation> bySor, IReadOnlyDictionary<string, CareUser> users, DateTimeOffset now)
    {
        Actor A(string userName)
        {
            var u = users[userName];
            var org = u.OrganisationId is { } id ? bySor.Values.Single(o => o.Id == id) : null;
            return new Actor(u.Id, u.DisplayName, u.Role, org?.Id, org?.Name);
        }

        var inhaler = new MessageThread(jensId, "Inhaler technique after discharge", MessageCategory.Medication, false, false,
            A("nurse.holm"), "Jens struggles with the new inhaler. Could the clinic review his technique at the next consultation?", now.AddDays(-13), needsAction: true);
        inhaler.Reply(A("gp.larsen"), "Yes, we will check it on Thursday and consider a spacer.", now.AddDays(-12), false, []);
        yield return inhaler;

        yield return new MessageThread(jensId, "Training times next week", MessageCategory.Rehabilitation, true, true,
            A("physio.mikkelsen"), "Hi Jens, next week's training is Tuesday and Friday at 10:00. Bring comfortable shoes.", now.AddDays(-2));
    }
}
