using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Web.Features.Timeline;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Conferences;

/// <summary>A finished conference on the timeline: date, who attended, who finished it and the minutes, cut to fit.</summary>
public sealed class DischargeConferenceHeldTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 13, 12, 0, 0, TimeSpan.Zero);
    private static readonly Organisation Hospital = new("Nordkyst Hospital", SorCode.Parse("100000000001011"), Sector.Hospital);

    private static PathwayEvent Held(params (string, string)[] minutes) =>
        PathwayEvent.DischargeConferenceHeld(Guid.NewGuid(), Start.AddHours(1), Hospital, Guid.NewGuid(), Start, "Mette Hansen", ["Mette Hansen", "Peter Larsen"], minutes);

    [Fact]
    public void Parameters_CarryAttendeesAndEachAuthorsText()
    {
        var held = Held(("Mette Hansen", "Discharge Friday."), ("Peter Larsen", ""), ("Anne Holm", "Home care twice daily."));

        Assert.Equal(PathwayEventKind.DischargeConferenceHeld, held.Kind);
        Assert.Equal("Mette Hansen, Peter Larsen", held.Parameters[PathwayEventParameters.Attendees]);
        Assert.Equal("Mette Hansen: Discharge Friday.\n\nAnne Holm: Home care twice daily.", held.Parameters[PathwayEventParameters.Minutes]);
    }

    [Fact]
    public void LongMinutes_AreCutToFitAnEventValue()
    {
        var held = Held(("Mette Hansen", new string('x', 3000)));

        var text = held.Parameters[PathwayEventParameters.Minutes];
        Assert.Equal(PathwayEventParameters.ValueMaxLength, text.Length);
        Assert.EndsWith("\u2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_ShowsTitleAndDetail_InTheReadersLanguage()
    {
        var held = Held(("Mette Hansen", "Discharge Friday."));
        var entry = new TimelineEntry(held.Id, held.At, held.Type, held.Sector, held.SourceOrganisationName, held.Title, held.Detail, held.Kind, held.Parameters);
        System.Globalization.CultureInfo.CurrentUICulture = CareCultures.Danish;
        System.Globalization.CultureInfo.CurrentCulture = CareCultures.Danish;

        Assert.StartsWith("Udskrivningskonference holdt", TimelineText.Title(entry), StringComparison.Ordinal);
        var detail = TimelineText.Detail(entry)!;
        Assert.Contains("Deltog: Mette Hansen, Peter Larsen", detail, StringComparison.Ordinal);
        Assert.Contains("Referat afsluttet af Mette Hansen", detail, StringComparison.Ordinal);
        Assert.Contains("Mette Hansen: Discharge Friday.", detail, StringComparison.Ordinal);
    }
}
