using Bunit;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Web.Features.Pathway;
using CareWorkspace.Web.Features.Timeline;
using CareWorkspace.Web.Localization;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class TimelineViewTests : BunitTestBase
{
    private static readonly DateTimeOffset At = new(2025, 3, 7, 9, 30, 0, TimeSpan.Zero);

    private static readonly TimelineEntry Admission = new(Guid.NewGuid(), At, PathwayEventType.Admission, Sector.Hospital, "Aarhus Universitetshospital", "Admitted to cardiology", "Chest pain");
    private static readonly TimelineEntry PlanChange = new(Guid.NewGuid(), At.AddDays(2), PathwayEventType.PlanChange, Sector.Municipality, "Aarhus Kommune Hjemmepleje", "Home care plan updated", null);

    private readonly List<TimelineFilter> _filters = [];
    private readonly List<int> _pages = [];

    private IRenderedComponent<TimelineView> RenderView(TimelinePage page, TimelineFilter? filter = null)
    {
        Render<MudPopoverProvider>();
        return Render<TimelineView>(p => p
            .Add(c => c.Page, page)
            .Add(c => c.Filter, filter ?? new TimelineFilter())
            .Add(c => c.FilterChanged, f => _filters.Add(f))
            .Add(c => c.PageChanged, i => _pages.Add(i)));
    }

    private static TimelinePage OnePage(params TimelineEntry[] entries) => new(entries, entries.Length, 0, 20);

    [Fact]
    public void Render_Entries_ShowSectorColourTypeLabelAndSourceOrganisation()
    {
        var cut = RenderView(OnePage(Admission, PlanChange));

        var entries = cut.FindAll("[data-testid=timeline-entry]");
        Assert.Equal(2, entries.Count);
        Assert.Equal("Hospital", entries[0].GetAttribute("data-sector"));
        Assert.Contains($"border-left-color: {SectorStyle.ColourFor(Sector.Hospital)}", entries[0].GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("Admission · Aarhus Universitetshospital", entries[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Admitted to cardiology", entries[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Chest pain", entries[0].QuerySelector(".timeline__detail")?.TextContent);
        Assert.Equal("Municipality", entries[1].GetAttribute("data-sector"));
        Assert.Contains($"border-left-color: {SectorStyle.ColourFor(Sector.Municipality)}", entries[1].GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("Plan change · Aarhus Kommune Hjemmepleje", entries[1].TextContent, StringComparison.Ordinal);
        Assert.Null(entries[1].QuerySelector(".timeline__detail"));
    }

    [Fact]
    public void Render_NoEntries_SaysNoEventsMatch()
    {
        var cut = RenderView(OnePage());

        Assert.Empty(cut.FindAll("[data-testid=timeline-entry]"));
        Assert.Equal("No events match.", cut.Find("[data-testid=timeline-empty]").TextContent.Trim());
    }

    [Fact]
    public void Render_Filters_OfferEverySectorAndType()
    {
        var cut = RenderView(OnePage());

        foreach (var sector in Enum.GetValues<Sector>())
            Assert.Single(cut.FindAll($"input[type=checkbox][data-testid=filter-sector-{sector}]"));
        foreach (var type in Enum.GetValues<PathwayEventType>())
            Assert.Single(cut.FindAll($"input[type=checkbox][data-testid=filter-type-{type}]"));
    }

    [Fact]
    public void TickSector_Hospital_RaisesFilterWithHospital()
    {
        var cut = RenderView(OnePage(Admission));

        cut.Find("input[data-testid=filter-sector-Hospital]").Change(true);

        var filter = Assert.Single(_filters);
        Assert.Equal([Sector.Hospital], filter.Sectors!);
        Assert.Null(filter.Types);
    }

    [Fact]
    public void TickType_WithSectorsSet_RaisesTypesAndKeepsSectors()
    {
        var cut = RenderView(OnePage(Admission), new TimelineFilter(Sectors: new HashSet<Sector> { Sector.Hospital }));

        cut.Find("input[data-testid=filter-type-Discharge]").Change(true);

        var filter = Assert.Single(_filters);
        Assert.Equal([PathwayEventType.Discharge], filter.Types!);
        Assert.Equal([Sector.Hospital], filter.Sectors!);
    }

    [Fact]
    public void UntickSector_Ticked_RemovesItOnly()
    {
        var cut = RenderView(OnePage(Admission), new TimelineFilter(Sectors: new HashSet<Sector> { Sector.Hospital, Sector.Municipality }));
        Assert.True(cut.Find("input[data-testid=filter-sector-Hospital]").HasAttribute("checked"));

        cut.Find("input[data-testid=filter-sector-Hospital]").Change(false);

        Assert.Equal([Sector.Municipality], Assert.Single(_filters).Sectors!);
    }

    [Fact]
    public void UntickType_Ticked_RemovesIt()
    {
        var cut = RenderView(OnePage(Admission), new TimelineFilter(Types: new HashSet<PathwayEventType> { PathwayEventType.Admission }));

        cut.Find("input[data-testid=filter-type-Admission]").Change(false);

        Assert.Empty(Assert.Single(_filters).Types!);
    }

    [Fact]
    public void Render_SinglePage_HidesPagination()
    {
        var cut = RenderView(OnePage(Admission));

        Assert.Empty(cut.FindAll(".mud-pagination"));
    }

    [Fact]
    public void SelectPage_Third_RaisesZeroBasedIndex()
    {
        var page = new TimelinePage([Admission, PlanChange], TotalCount: 45, Page: 0, PageSize: 20);
        var cut = RenderView(page);
        Assert.Single(cut.FindAll(".mud-pagination"));

        cut.FindAll(".mud-pagination button").Single(b => b.TextContent.Trim() == "3").Click();

        Assert.Equal([2], _pages);
    }

    [Fact]
    public void Render_InDanish_WritesKindsLabelsAndDatesInDanish_AndFreeTextAsWritten()
    {
        UseLanguage(CareCultures.Danish);
        var left = new TimelineEntry(Guid.NewGuid(), At, PathwayEventType.TeamChange, Sector.Municipality, "Havby Kommune", null, null,
            PathwayEventKind.CareTeamLeft, new Dictionary<string, string>
            {
                [PathwayEventParameters.Organisation] = "Havby Kommune",
                [PathwayEventParameters.Date] = "2025-03-31",
                [PathwayEventParameters.By] = "Lise Dahl",
            });

        var cut = RenderView(OnePage(left, Admission));

        var entries = cut.FindAll("[data-testid=timeline-entry]");
        // 09:30 UTC is 10:30 in Copenhagen in March.
        Assert.Contains("7. mar. 2025 kl. 10.30 · Teamændring · Havby Kommune", entries[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Havby Kommune forlader behandlingsteamet den 31. mar. 2025", entries[0].QuerySelector(".timeline__title")?.TextContent);
        Assert.Equal("Ændret af Lise Dahl", entries[0].QuerySelector(".timeline__detail")?.TextContent);
        Assert.Equal("Admitted to cardiology", entries[1].QuerySelector(".timeline__title")?.TextContent);
        Assert.Contains("Sektor", cut.Find("[data-testid=timeline-filters]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_InDanish_RehabilitationEntries_SayWhatWasMadeAndLogged()
    {
        UseLanguage(CareCultures.Danish);
        var made = new TimelineEntry(Guid.NewGuid(), At, PathwayEventType.PlanChange, Sector.Municipality, "Havby Genoptræning", null, null,
            PathwayEventKind.RehabilitationPlanMade, new Dictionary<string, string>
            {
                [PathwayEventParameters.Subject] = "General",
                [PathwayEventParameters.Organisation] = "Havby Genoptræning",
                [PathwayEventParameters.By] = "Mette Hansen",
            });
        var logged = new TimelineEntry(Guid.NewGuid(), At, PathwayEventType.PlanChange, Sector.Municipality, "Havby Genoptræning", null, null,
            PathwayEventKind.RehabilitationSessionLogged, new Dictionary<string, string>
            {
                [PathwayEventParameters.Date] = "2025-03-06",
                [PathwayEventParameters.Status] = "Partly",
                [PathwayEventParameters.By] = "Ulla Jensen",
            });

        var entries = RenderView(OnePage(made, logged)).FindAll("[data-testid=timeline-entry]");

        Assert.Equal("Genoptræningsplan udarbejdet: generel genoptræning, Havby Genoptræning", entries[0].QuerySelector(".timeline__title")?.TextContent);
        Assert.Equal("Træning registreret for 6. mar. 2025: delvist udført", entries[1].QuerySelector(".timeline__title")?.TextContent);
        Assert.Equal("Af Ulla Jensen", entries[1].QuerySelector(".timeline__detail")?.TextContent);
    }

    [Fact]
    public void Render_InDanish_NoEntries_SaysSoInDanish()
    {
        UseLanguage(CareCultures.Danish);

        Assert.Equal("Ingen hændelser passer til de valgte filtre.", RenderView(OnePage()).Find("[data-testid=timeline-empty]").TextContent.Trim());
    }
}
