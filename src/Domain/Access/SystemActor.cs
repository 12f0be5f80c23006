namespace CareWorkspace.Domain.Access;

/// <summary>
/// The actor a background job acts as. The policy knows its role (<see cref="UserRole.System"/>) and the access log
/// names the job ("System: appointment reminders"), so a patient can see which machine read what.
/// </summary>
public static class SystemActor
{
    public const string UserIdPrefix = "system:";

    public static Actor AppointmentReminders { get; } = For("appointment-reminders", "appointment reminders");

    public static Actor FollowUpTasks { get; } = For("follow-up-tasks", "follow-up tasks");

    public static Actor NationalSync { get; } = For("national-sync", "national services sync");

    public static Actor AccessLogRetention { get; } = For("access-log-retention", "access log retention");

    public static Actor EmergencyAccessSummaries { get; } = For("emergency-access-summaries", "emergency access summaries");

    private static Actor For(string job, string name) => new(UserIdPrefix + job, "System: " + name, UserRole.System, null, null);
}
