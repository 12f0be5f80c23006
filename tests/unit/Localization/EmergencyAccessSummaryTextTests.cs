using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Web.Features.Notifications;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Localization;

/// <summary>The summary after an emergency access, as the bell writes it in the reader's language.</summary>
public sealed class EmergencyAccessSummaryTextTests
{
    private static readonly Actor Doctor = new("user-doctor", "Dr. Hospital", UserRole.HospitalClinician, Guid.NewGuid(), "Hospital");

    private static NotificationMessage Message(params AccessedSection[] accessed)
    {
        var start = new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
        var emergency = new EmergencyAccess(Guid.NewGuid(), Doctor, "Unconscious, need admission history.", start, TimeSpan.FromHours(1), EmergencyAccessRules.Standard);
        return (EmergencyAccessSummary.Of(emergency, []) with { Accessed = accessed }).Message("Jens Hansen");
    }

    [Fact]
    public void English_names_who_why_when_and_what_was_looked_at()
    {
        var message = Message(new AccessedSection(PatientSection.Timeline, 3), new AccessedSection(PatientSection.Calendar, 1));

        var text = new NotificationText().Write(message.Kind, message.Values, CareCultures.English);

        Assert.Equal("Emergency access to the record of Jens Hansen by Dr. Hospital (Hospital), 10 Mar 2026, 09:00 to 10 Mar 2026, 10:00, has ended. "
            + "Looked at: Timeline (3), Calendar (1). Reason: Unconscious, need admission history.", text);
    }

    [Fact]
    public void Danish_and_nothing_looked_at()
    {
        var message = Message();

        var text = new NotificationText().Write(message.Kind, message.Values, CareCultures.Danish);

        Assert.StartsWith("Værdispringet i journalen for Jens Hansen af Dr. Hospital (Hospital)", text, StringComparison.Ordinal);
        Assert.Contains("er afsluttet. Intet blev set under værdispringet. Begrundelse: Unconscious", text, StringComparison.Ordinal);
    }
}
