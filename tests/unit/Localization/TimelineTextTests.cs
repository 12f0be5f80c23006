using System.Globalization;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Web.Features.Timeline;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Localization;

/// <summary>Timeline entries are stored as a kind plus values and written in the reader's language.</summary>
public sealed class TimelineTextTests
{
    private static readonly Guid PatientId = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 11, 29, 13, 30, 0, TimeSpan.Zero);
    private static readonly Organisation HomeCare = new("Havby Kommune, Hjemmeplejen", SorCode.Parse("100000000003114"), Sector.Municipality);

    public static TheoryData<PathwayEventKind> KnownKinds() => [.. Enum.GetValues<PathwayEventKind>().Where(k => k != PathwayEventKind.Text)];

    [Theory]
    [MemberData(nameof(KnownKinds))]
    public void EveryKind_HasATitleInEnglishAndInDanish(PathwayEventKind kind)
    {
        var key = TimelineText.TitleKey(kind);
        Assert.NotNull(key);

        var english = TextIn(CareCultures.English, key);
        var danish = TextIn(CareCultures.Danish, key);

        Assert.False(english.ResourceNotFound, $"\"{key}\" is missing in TimelineText.resx");
        Assert.False(danish.ResourceNotFound, $"\"{key}\" is missing in TimelineText.da.resx");
        Assert.NotEqual(english.Value, danish.Value);
    }

    [Theory]
    [MemberData(nameof(KnownKinds))]
    public void EveryKind_IsWrittenAsASentence_NotAsItsTemplate(PathwayEventKind kind)
    {
        var entry = Entry(kind, new Dictionary<string, string>
        {
            [PathwayEventParameters.Organisation] = "Havby",
            [PathwayEventParameters.Role] = nameof(CareTeamRole.HomeCare),
            [PathwayEventParameters.Date] = "2026-12-01",
            [PathwayEventParameters.Subject] = "Inhaler",
            [PathwayEventParameters.AppointmentType] = "FollowUp",
            [PathwayEventParameters.Start] = "2026-12-03T09:00:00Z",
            [PathwayEventParameters.Status] = "Active",
        });

        foreach (var culture in new[] { CareCultures.English, CareCultures.Danish })
        {
            Use(culture);
            var title = TimelineText.Title(entry);
            Assert.DoesNotContain("{0}", title, StringComparison.Ordinal);
            Assert.DoesNotContain("—", title, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en-GB", "Havby Kommune, Hjemmeplejen joined the care team (home care)", "Reason: Help after discharge · Added by Lise Dahl")]
    [InlineData("da-DK", "Havby Kommune, Hjemmeplejen er tilføjet til behandlingsteamet (", "Begrundelse: Help after discharge · Tilføjet af Lise Dahl")]
    public void CareTeamJoined_IsWrittenInTheReadersLanguage(string culture, string title, string detail)
    {
        var stored = PathwayEvent.CareTeamJoined(PatientId, At, HomeCare, CareTeamRole.HomeCare, "Help after discharge", "Lise Dahl");
        Use(CultureInfo.GetCultureInfo(culture));

        Assert.StartsWith(title, TimelineText.Title(Entry(stored)), StringComparison.Ordinal);
        Assert.Equal(detail, TimelineText.Detail(Entry(stored)));
    }

    [Theory]
    [InlineData("en-GB", "Havby Kommune, Hjemmeplejen leaves the care team on 1 Dec 2026", "Changed by Lise Dahl")]
    [InlineData("da-DK", "Havby Kommune, Hjemmeplejen forlader behandlingsteamet den 1. dec. 2026", "Ændret af Lise Dahl")]
    public void CareTeamLeft_FormatsItsDateInTheReadersLanguage(string culture, string title, string detail)
    {
        var stored = PathwayEvent.CareTeamLeft(PatientId, At, HomeCare, new DateOnly(2026, 12, 1), "Lise Dahl");
        Use(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(title, TimelineText.Title(Entry(stored)));
        Assert.Equal(detail, TimelineText.Detail(Entry(stored)));
    }

    [Theory]
    [InlineData("en-GB", "Message: Training times", "From Anne Mikkelsen")]
    [InlineData("da-DK", "Besked: Training times", "Fra Anne Mikkelsen")]
    public void MessageShared_KeepsTheSubjectAsWritten(string culture, string title, string detail)
    {
        var stored = PathwayEvent.MessageShared(PatientId, At, HomeCare, "Training times", "Anne Mikkelsen");
        Use(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(title, TimelineText.Title(Entry(stored)));
        Assert.Equal(detail, TimelineText.Detail(Entry(stored)));
    }

    [Theory]
    [InlineData("en-GB", "Hospital notification received by Havby Kommune, Hjemmeplejen")]
    [InlineData("da-DK", "Hospitalsadvis modtaget af Havby Kommune, Hjemmeplejen")]
    public void HospitalNotificationReceived_NamesTheReceiver(string culture, string title)
    {
        var stored = PathwayEvent.HospitalNotificationReceived(PatientId, At, HomeCare);
        Use(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(title, TimelineText.Title(Entry(stored)));
        Assert.Null(TimelineText.Detail(Entry(stored)));
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("da-DK")]
    public void FreeText_IsShownAsWritten_InEitherLanguage(string culture)
    {
        var stored = new PathwayEvent(PatientId, At, PathwayEventType.Admission, Sector.Hospital, null, "Havby Hospital", "Admitted with COPD", "Oxygen 2 l/min.");
        Use(CultureInfo.GetCultureInfo(culture));

        Assert.Equal("Admitted with COPD", TimelineText.Title(Entry(stored)));
        Assert.Equal("Oxygen 2 l/min.", TimelineText.Detail(Entry(stored)));
    }

    [Fact]
    public void MissingOrUnreadableValues_ShowADash_NeverThrow()
    {
        Use(CareCultures.English);
        var entry = Entry(PathwayEventKind.CareTeamLeft, new Dictionary<string, string> { [PathwayEventParameters.Date] = "not a date" });

        Assert.Equal("— leaves the care team on —", TimelineText.Title(entry));
        Assert.Null(TimelineText.Detail(entry));
    }

    private static TimelineEntry Entry(PathwayEvent e) =>
        new(e.Id, e.At, e.Type, e.Sector, e.SourceOrganisationName, e.Title, e.Detail, e.Kind, e.Parameters);

    private static TimelineEntry Entry(PathwayEventKind kind, IReadOnlyDictionary<string, string> values) =>
        new(Guid.NewGuid(), At, PathwayEventType.TeamChange, Sector.Municipality, "Havby", null, null, kind, values);

    private static Microsoft.Extensions.Localization.LocalizedString TextIn(CultureInfo culture, string key)
    {
        Use(culture);
        return StaticText.For(typeof(TimelineText))[key];
    }

    private static void Use(CultureInfo culture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    [Theory]
    [InlineData("en-GB", "Appointment booked with Havby: Follow-up, 3 Dec 2026, 10:00", "Booked by Sofie Nielsen")]
    [InlineData("da-DK", "Aftale booket hos Havby: Opfølgning, 3. dec. 2026 kl. 10.00", "Booket af Sofie Nielsen")]
    public void AnAppointmentBooked_IsWrittenInTheReadersLanguage_AtCopenhagenTime(string culture, string title, string detail)
    {
        var entry = Entry(PathwayEventKind.AppointmentBooked, new Dictionary<string, string>
        {
            [PathwayEventParameters.Organisation] = "Havby",
            [PathwayEventParameters.AppointmentType] = "FollowUp",
            [PathwayEventParameters.Start] = "2026-12-03T09:00:00Z",
            [PathwayEventParameters.By] = "Sofie Nielsen",
        });

        Use(System.Globalization.CultureInfo.GetCultureInfo(culture));

        Assert.Equal(title, TimelineText.Title(entry));
        Assert.Equal(detail, TimelineText.Detail(entry));
    }

    [Theory]
    [InlineData("en-GB", "3 appointments booked with Havby: Follow-up, from 3 Dec 2026, 10:00 to 17 Dec 2026, 10:00")]
    [InlineData("da-DK", "3 aftaler booket hos Havby: Opfølgning, fra 3. dec. 2026 kl. 10.00 til 17. dec. 2026 kl. 10.00")]
    public void ASeriesBooked_SaysItsWholeSpan(string culture, string title)
    {
        var entry = Entry(PathwayEventKind.AppointmentBooked, new Dictionary<string, string>
        {
            [PathwayEventParameters.Organisation] = "Havby",
            [PathwayEventParameters.AppointmentType] = "FollowUp",
            [PathwayEventParameters.Start] = "2026-12-03T09:00:00Z",
            [PathwayEventParameters.Count] = "3",
            [PathwayEventParameters.Until] = "2026-12-17T09:00:00Z",
            [PathwayEventParameters.By] = "Sofie Nielsen",
        });

        Use(System.Globalization.CultureInfo.GetCultureInfo(culture));

        Assert.Equal(title, TimelineText.Title(entry));
    }
}
