using System.Globalization;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.Domain.Pathway;

/// <summary>
/// The names of the values a <see cref="PathwayEventKind"/> carries, and how they are written: names and free text as
/// given, roles by their code, dates as ISO 8601 ("2026-11-29") so each reader's language formats them.
/// </summary>
public static class PathwayEventParameters
{
    public const int ValueMaxLength = 1000;

    public const string Organisation = "organisation";
    public const string Role = "role";
    public const string Reason = "reason";
    public const string By = "by";
    public const string Date = "date";
    public const string Subject = "subject";
    public const string AppointmentType = "appointmentType";
    public const string Start = "start";
    public const string Count = "count";
    public const string Until = "until";
    public const string Attendees = "attendees";
    public const string Minutes = "minutes";
    public const string Status = "status";

    public static string Write(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Write(CareTeamRole role) => role.ToString();

    /// <summary>An instant as ISO 8601 UTC ("2026-11-29T08:00:00Z"); each reader sees it in Copenhagen time.</summary>
    public static string Write(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ReadInstant(string? value) =>
        DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;

    public static Calendar.AppointmentType? ReadAppointmentType(string? value) =>
        Enum.TryParse<Calendar.AppointmentType>(value, out var type) && Enum.IsDefined(type) ? type : null;

    public static DateOnly? ReadDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static CareTeamRole? ReadRole(string? value) =>
        Enum.TryParse<CareTeamRole>(value, out var role) && Enum.IsDefined(role) ? role : null;
}
