namespace CareWorkspace.Domain.Access;

/// <summary>
/// Whom a live change is for, as an id: one user (a patient, a relative) or one organisation (all its professionals).
/// A cross-patient view (the inbox) listens under its viewer's keys and hears only changes carrying one of them.
/// </summary>
public readonly record struct AudienceKey(string Value)
{
    public static AudienceKey ForUser(string userId) => new("user:" + userId);

    /// <summary>One user's notifications (the bell): named only by a notification sent to that user.</summary>
    public static AudienceKey NotificationsOf(string userId) => new("notify:" + userId);

    public static AudienceKey ForOrganisation(Guid organisationId) => new("org:" + organisationId.ToString("N"));

    /// <summary>
    /// One unit's triage board: named only by a triage change recorded by or for that unit, so a board listening under it
    /// (with <c>SubscribeNamed</c>) hears its own unit's changes and no other's.
    /// </summary>
    public static AudienceKey TriageBoardOf(Guid unitId) => new("triage:" + unitId.ToString("N"));

    /// <summary>
    /// A national service's sync status: named when its runs start failing or recover, so an open section that shows
    /// "not updated since" (medication, measurements) changes at once, without a change to any one patient.
    /// </summary>
    public static AudienceKey NationalServiceStatusOf(NationalSync.NationalService service) => new("sync:" + service);

    /// <summary>The keys a viewer listens under: a professional's organisation, a patient's or relative's own user.</summary>
    public static IReadOnlyList<AudienceKey> ListenedToBy(Actor actor) => actor.Role switch
    {
        UserRole.Patient or UserRole.Relative => [ForUser(actor.UserId)],
        UserRole.Administrator or UserRole.System => [],
        _ => actor.OrganisationId is { } organisationId ? [ForOrganisation(organisationId)] : [],
    };

    public override string ToString() => Value;
}
