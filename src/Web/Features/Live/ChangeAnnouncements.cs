using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Components.Accessibility;

namespace CareWorkspace.Web.Features.Live;

/// <summary>Which live changes a pathway viewer hears announced, and in which words.</summary>
public static class ChangeAnnouncements
{
    /// <summary>
    /// The announcement for a change someone else made to a section this viewer may see, or null: own changes,
    /// changes without an author (e.g. an expiry), presence and the timeline (which echoes the other sections) stay silent,
    /// and so does a message the viewer is not among the audience of.
    /// </summary>
    public static string? For(PathwayChange change, Actor viewer, IReadOnlySet<PatientSection> visible, string authorName)
    {
        if (!IsAnnounced(change, viewer, visible))
            return null;
        return change.Section switch
        {
            PatientSection.CareTeam => A11yText.ChangedCareTeam(authorName),
            PatientSection.Relatives => A11yText.ChangedRelatives(authorName),
            PatientSection.MasterData => A11yText.ChangedPatientDetails(authorName),
            PatientSection.Conditions => A11yText.ChangedConditions(authorName),
            PatientSection.Consents => A11yText.ChangedConsents(authorName),
            PatientSection.Messages => A11yText.WroteMessage(authorName),
            PatientSection.Calendar => A11yText.ChangedCalendar(authorName),
            PatientSection.CarePlan => A11yText.ChangedCarePlan(authorName),
            PatientSection.Rehabilitation => A11yText.ChangedRehabilitation(authorName),
            PatientSection.Triage => A11yText.ChangedTriage(authorName),
            PatientSection.Medication => A11yText.ChangedMedication(authorName),
            PatientSection.Measurements => A11yText.NewMeasurements(authorName),
            _ => null,
        };
    }

    /// <summary>Whether <see cref="For"/> would announce the change (checked before looking up the author's name).</summary>
    public static bool IsAnnounced(PathwayChange change, Actor viewer, IReadOnlySet<PatientSection> visible) =>
        change.ByUserId is { Length: > 0 } author && author != viewer.UserId
        && change.Section is not (PatientSection.Presence or PatientSection.Timeline)
        && visible.Contains(change.Section)
        && change.Audience.Includes(viewer);
}
