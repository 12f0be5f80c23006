using System.Globalization;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.Notifications;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Notifications;

/// <summary>
/// What a notification says, in one language (texts in NotificationText.resx / .da.resx): the bell writes it in the
/// reader's language, e-mail and SMS in the recipient's own (<see cref="NotificationRecipient.Language"/>).
/// </summary>
public sealed class NotificationText : INotificationText
{
    private const string Missing = "—";

    private static IStringLocalizer L => StaticText.For(typeof(NotificationText));

    /// <summary>The English text (resource key) of each kind.</summary>
    public static string Key(NotificationKind kind) => kind switch
    {
        NotificationKind.AppointmentReminder => "Reminder: {0} has an appointment with {1} on {2} at {3}",
        NotificationKind.FollowUpTaskCreated => "{0} was discharged and should see the GP by {1}",
        NotificationKind.FollowUpEscalated => "Follow-up after discharge not booked yet: {0}, due by {1}",
        NotificationKind.EmergencyAccessUsed => "{0} ({1}) used emergency access to your record on {2} at {3}. Reason: {4}",
        NotificationKind.EmergencyAccessSummary => "Emergency access to the record of {0} by {1} ({2}), {3} to {4}, has ended. {6} Reason: {5}",
        _ => "{0}",
    };

    public string Write(NotificationKind kind, IReadOnlyDictionary<string, string> values, CultureInfo language)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
        try
        {
            return Write(kind, values);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>In the current (the reader's) language.</summary>
    public static string Write(NotificationKind kind, IReadOnlyDictionary<string, string> values)
    {
        var patient = values.GetValueOrDefault(NotificationMessage.Patient) ?? Missing;
        return kind switch
        {
            NotificationKind.AppointmentReminder when Instant(values, NotificationMessage.Start) is { } start =>
                L[Key(kind), patient, values.GetValueOrDefault(NotificationMessage.Organisation) ?? Missing, CareFormat.Date(start), CareFormat.Time(start)],
            NotificationKind.FollowUpTaskCreated or NotificationKind.FollowUpEscalated => L[Key(kind), patient, DueText(values)],
            NotificationKind.EmergencyAccessUsed when Instant(values, NotificationMessage.Start) is { } used =>
                L[Key(kind), values.GetValueOrDefault(NotificationMessage.By) ?? Missing, values.GetValueOrDefault(NotificationMessage.Organisation) ?? Missing,
                    CareFormat.Date(used), CareFormat.Time(used), values.GetValueOrDefault(NotificationMessage.Reason) ?? Missing],
            NotificationKind.EmergencyAccessSummary when Instant(values, NotificationMessage.Start) is { } from && Instant(values, NotificationMessage.End) is { } to =>
                L[Key(kind), patient, values.GetValueOrDefault(NotificationMessage.By) ?? Missing, values.GetValueOrDefault(NotificationMessage.Organisation) ?? Missing,
                    CareFormat.DateTime(from), CareFormat.DateTime(to), values.GetValueOrDefault(NotificationMessage.Reason) ?? Missing, AccessedText(values)],
            _ => L[Key(kind), patient],
        };
    }

    private static string AccessedText(IReadOnlyDictionary<string, string> values)
    {
        var accessed = EmergencyAccessSummary.ParseAccessed(values.GetValueOrDefault(NotificationMessage.Accessed));
        return accessed.Count == 0
            ? L["Nothing was looked at under it."]
            : L["Looked at: {0}.", string.Join(", ", accessed.Select(a => $"{ConsentLabels.For(a.Section)} ({a.Count.ToString(CultureInfo.CurrentCulture)})"))];
    }

    private static DateTimeOffset? Instant(IReadOnlyDictionary<string, string> values, string name) =>
        DateTimeOffset.TryParse(values.GetValueOrDefault(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string DueText(IReadOnlyDictionary<string, string> values) =>
        DateOnly.TryParseExact(values.GetValueOrDefault(NotificationMessage.Due), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? CareFormat.Date(due)
            : Missing;
}
