using Bunit;
using CareWorkspace.Domain.Measurements;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Measurements;
using CareWorkspace.Web.Features.Measurements;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Components;

/// <summary>The measurements section's content: a chart and a table per kind, the source and when it was synced, and "not updated since" when the last sync failed.</summary>
public sealed class MeasurementsContentTests : BunitTestBase
{
    private static readonly DateTimeOffset Synced = new(2026, 11, 29, 9, 42, 0, TimeSpan.Zero);

    private static MeasurementSeries Series(MeasurementKind kind, string unit, params decimal[] values) =>
        new(kind, kind.ToString(), unit, [.. values.Select((v, i) => new MeasurementPoint(Synced.AddDays(i - values.Length), v, $"Observation/{kind}-{i}", "1", Synced))]);

    private static MeasurementsView View(SyncFreshness sync, params MeasurementSeries[] series) => new(Guid.NewGuid(), series, sync);

    [Fact]
    public void Each_kind_has_a_chart_and_a_table_newest_first_with_its_unit()
    {
        var cut = Render<MeasurementsContent>(p => p.Add(x => x.View, View(new SyncFreshness(Synced, null),
            Series(MeasurementKind.OxygenSaturation, "%", 91, 93, 94),
            Series(MeasurementKind.BodyWeight, "kg", 78.4m, 78.1m))));

        var sections = cut.FindAll("[data-testid=measurement-series]");
        Assert.Equal(["OxygenSaturation", "BodyWeight"], sections.Select(s => s.GetAttribute("data-kind")));
        Assert.Equal(2, cut.FindAll("[data-testid=measurement-chart] svg").Count);
        Assert.Equal(["Oxygen saturation (SpO2)", "Weight"], cut.FindAll("h3").Select(h => h.TextContent.Trim()));
        var spo2 = sections[0].QuerySelectorAll("[data-testid=measurement-row] td:first-of-type").Select(td => td.TextContent.Trim());
        Assert.Equal(["94 %", "93 %", "91 %"], spo2);
        Assert.Equal("78.1 kg", sections[1].QuerySelector("[data-testid=measurement-row] td")!.TextContent.Trim());
        Assert.Contains("Latest: 94 %", sections[0].QuerySelector("[data-testid=measurement-latest]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_source_and_the_time_of_the_last_sync_are_shown_and_no_warning_while_it_works()
    {
        var cut = Render<MeasurementsContent>(p => p.Add(x => x.View, View(new SyncFreshness(Synced, Synced.AddHours(-1)),
            Series(MeasurementKind.Pulse, "/min", 78))));

        Assert.Equal($"From the national telemedicine infrastructure · synced {CareFormat.DateTime(Synced)}",
            cut.Find("[data-testid=measurements-source]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=measurements-not-updated]"));
    }

    [Fact]
    public void When_the_last_sync_failed_the_section_says_since_when_it_is_not_updated_and_still_shows_what_it_has()
    {
        var cut = Render<MeasurementsContent>(p => p.Add(x => x.View, View(new SyncFreshness(Synced, Synced.AddMinutes(5)),
            Series(MeasurementKind.Pulse, "/min", 78))));

        Assert.StartsWith($"Not updated since {CareFormat.DateTime(Synced)}", cut.Find("[data-testid=measurements-not-updated]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=measurement-row]"));
    }

    [Fact]
    public void Only_the_latest_seven_rows_are_listed_until_all_are_asked_for()
    {
        var cut = Render<MeasurementsContent>(p => p.Add(x => x.View, View(new SyncFreshness(Synced, null),
            Series(MeasurementKind.Pulse, "/min", 70, 71, 72, 73, 74, 75, 76, 77, 78, 79))));

        Assert.Equal(7, cut.FindAll("[data-testid=measurement-row]").Count);
        cut.Find("[data-testid=measurement-show-all]").Click();

        Assert.Equal(10, cut.FindAll("[data-testid=measurement-row]").Count);
        Assert.Equal("true", cut.Find("[data-testid=measurement-show-all]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Without_measurements_the_section_says_so_in_Danish_too()
    {
        UseLanguage(CareCultures.Danish);

        var cut = Render<MeasurementsContent>(p => p.Add(x => x.View, View(new SyncFreshness(null, null))));

        Assert.Equal("Ingen hjemmemålinger de seneste 90 dage.", cut.Find("[data-testid=measurements-none]").TextContent.Trim());
        Assert.Contains("endnu ikke synkroniseret", cut.Find("[data-testid=measurements-source]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void While_a_refresh_asked_for_on_opening_is_under_way_the_section_says_it_is_updating_in_English_and_Danish()
    {
        var cut = Render<MeasurementsContent>(p => p.Add(x => x.View, View(new SyncFreshness(Synced, null) { Updating = true },
            Series(MeasurementKind.Pulse, "/min", 78))));

        Assert.Equal("Updating from the national telemedicine infrastructure…", cut.Find("[data-testid=measurements-updating]").TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=measurement-row]"));

        UseLanguage(CareCultures.Danish);
        var danish = Render<MeasurementsContent>(p => p.Add(x => x.View, View(new SyncFreshness(null, null) { Updating = true })));

        Assert.Equal("Opdaterer fra den nationale telemedicinske infrastruktur…", danish.Find("[data-testid=measurements-updating]").TextContent.Trim());
        Assert.Empty(Render<MeasurementsContent>(p => p.Add(x => x.View, View(new SyncFreshness(Synced, null)))).FindAll("[data-testid=measurements-updating]"));
    }
}
