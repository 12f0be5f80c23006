namespace CareWorkspace.Domain.Notifications;

/// <summary>What a notification is about; its text is written in the reader's language from the kind and its values.</summary>
public enum NotificationKind
{
    /// <summary>An appointment starts soon (values: <c>start</c>, <c>organisation</c>, <c>patient</c>).</summary>
    AppointmentReminder,

    /// <summary>A discharge asks the GP clinic to see the patient (values: <c>patient</c>, <c>due</c>).</summary>
    FollowUpTaskCreated,

    /// <summary>A follow-up after discharge is still not booked (values: <c>patient</c>, <c>due</c>).</summary>
    FollowUpEscalated,

    /// <summary>A clinician used emergency access to the patient's record (values: <c>by</c>, <c>organisation</c>, <c>start</c>, <c>reason</c>).</summary>
    EmergencyAccessUsed,

    /// <summary>
    /// An emergency access to the patient's record has ended, and what was looked at under it (values: <c>patient</c>, <c>by</c>,
    /// <c>organisation</c>, <c>start</c>, <c>end</c>, <c>reason</c>, <c>accessed</c>: "Section=count;…").
    /// </summary>
    EmergencyAccessSummary,
}
