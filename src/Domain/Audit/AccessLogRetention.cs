using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Audit;

/// <summary>
/// How long access records are kept: the patient's page shows <see cref="AccessLogFilter.YearsShown"/> years, so the
/// period is never shorter. A record is old enough to archive and delete when it was made before the Copenhagen day
/// that lies the period back from today; that day itself and everything after it is kept.
/// </summary>
public static class AccessLogRetention
{
    public const int MinimumYears = AccessLogFilter.YearsShown;

    /// <summary>
    /// Refuses a period shorter than <see cref="MinimumYears"/>. The period is the operator's setting, not a person's
    /// input, so the message (naming the setting and the rule) is for the operator's log and stops start-up.
    /// </summary>
    public static void Validate(int years, string setting)
    {
        if (years < MinimumYears)
            throw new InvalidOperationException(
                $"{setting} must be at least {MinimumYears} years (the patient's access log shows {AccessLogFilter.YearsShown} years back), not {years}.");
    }

    /// <summary>
    /// The first Copenhagen day kept on <paramref name="today"/>. A leap day goes back to 28 February in a year without
    /// one, so a record is never kept a day less than the period.
    /// </summary>
    public static DateOnly FirstDayKept(DateOnly today, int years)
    {
        Validate(years, "The retention period");
        return today.AddYears(-years);
    }

    /// <summary>Records made before this instant (the start of <see cref="FirstDayKept"/> in Copenhagen, in UTC) are archived and deleted.</summary>
    public static DateTimeOffset CutOff(DateOnly today, int years) => CopenhagenTime.StartOf(FirstDayKept(today, years)).ToUniversalTime();

    /// <summary>
    /// Whether the actor may archive and delete access records: only the system actor, and only while the access matrix
    /// gives the system delete in the access-log section (ADR-004). Nothing else deletes access records.
    /// </summary>
    public static AccessDecision Decide(Actor actor) =>
        actor.Role == UserRole.System && AccessMatrix.For(actor.Role, PatientSection.AccessLog).HasFlag(Permission.DeleteAny)
            ? AccessDecision.Allow("Access records older than the retention period are archived and then deleted.")
            : AccessDecision.Deny("Only the retention job may delete access records.");
}
