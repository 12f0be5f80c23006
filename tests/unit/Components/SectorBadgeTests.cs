using Bunit;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.Pathway;
using CareWorkspace.Web.Features.Timeline;

namespace CareWorkspace.UnitTests.Components;

/// <summary>Colour is never the only signal of a sector: each has its own icon and its name in text.</summary>
public sealed class SectorBadgeTests : BunitTestBase
{
    [Theory]
    [InlineData(Sector.Hospital, "Hospital")]
    [InlineData(Sector.GeneralPractice, "General practice")]
    [InlineData(Sector.Municipality, "Municipality")]
    public void Names_the_sector_in_text_beside_its_coloured_icon(Sector sector, string name)
    {
        var cut = Render<SectorBadge>(p => p.Add(b => b.Sector, sector));

        Assert.Equal(name, cut.Find(".visually-hidden").TextContent);
        Assert.Equal(name, cut.Find("[data-testid=sector-badge]").GetAttribute("title"));
        Assert.Equal("true", cut.Find("svg").GetAttribute("aria-hidden"));
    }

    [Fact]
    public void Every_sector_has_an_icon_of_its_own() =>
        Assert.Equal(Enum.GetValues<Sector>().Length, Enum.GetValues<Sector>().Select(SectorStyle.IconFor).Distinct().Count());

    [Fact]
    public void Timeline_entries_name_their_sector_in_text()
    {
        var entry = new TimelineEntry(Guid.NewGuid(), DateTimeOffset.UnixEpoch, CareWorkspace.Domain.Pathway.PathwayEventType.Admission, Sector.Hospital,
            "Aarhus Universitetshospital", "Admitted", null);
        Render<MudBlazor.MudPopoverProvider>();
        var cut = Render<TimelineView>(p => p
            .Add(c => c.Page, new TimelinePage([entry], 1, 0, 20))
            .Add(c => c.Filter, new TimelineFilter()));

        Assert.Equal("Hospital", cut.Find("[data-testid=timeline-entry] .visually-hidden").TextContent);
    }
}
