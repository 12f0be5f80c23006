using Bunit;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Web.Features.Medicines;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Components;

/// <summary>The medication section's list: grouped active / paused / stopped, each with its source, and how fresh the record is.</summary>
public sealed class MedicationListTests : BunitTestBase
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    /// <summary>10:42 in Copenhagen (UTC+1 in November).</summary>
    private static readonly DateTimeOffset SyncedAt = new(2026, 11, 29, 9, 42, 0, TimeSpan.Zero);

    private static MedicationItem Item(string name, string atc, MedicationStatus status, bool asNeeded = false, DateOnly? end = null) =>
        new(Guid.NewGuid(), name, "2,5 mikrogram/dosis", "inhalationsvæske", atc, "2 pust 1 gang dagligt", asNeeded, "Inhalation", "mod KOL",
            new DateOnly(2025, 10, 25), end, status, "Peter Larsen, Lægerne Strandvejen", null, MedicationSource.NationalRecord, SyncedAt);

    private static MedicationView View(SyncFreshness record) => new(
        [Item("Spiriva Respimat", "R03BB04", MedicationStatus.Active), Item("Airomir", "R03AC02", MedicationStatus.Active, asNeeded: true)],
        [Item("Alendronat", "M05BA04", MedicationStatus.Paused)],
        [Item("Prednisolon", "H02AB06", MedicationStatus.Stopped, end: new DateOnly(2026, 11, 10))],
        record, Today);

    [Fact]
    public void The_medications_are_grouped_with_their_source_and_the_time_of_the_last_sync()
    {
        var cut = Render<MedicationList>(p => p.Add(c => c.View, View(new SyncFreshness(SyncedAt, null))));

        Assert.Equal("From the Shared Medication Record · synced 10:42", cut.Find("[data-testid=medication-source]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=medication-not-updated]"));
        var groups = cut.FindAll("[data-testid=medication-group]");
        Assert.Equal(["Active", "Paused", "Stopped"], groups.Select(g => g.GetAttribute("data-status")));
        Assert.Equal("Active (2)", groups[0].QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal(["R03BB04", "R03AC02"], groups[0].QuerySelectorAll("[data-testid=medication-item]").Select(i => i.GetAttribute("data-atc")));
        var salbutamol = groups[0].QuerySelectorAll("[data-testid=medication-item]")[1].TextContent;
        Assert.Contains("As needed", salbutamol, StringComparison.Ordinal);
        Assert.Contains("Source: Shared Medication Record", salbutamol, StringComparison.Ordinal);
        Assert.Contains("Prescribed by Peter Larsen, Lægerne Strandvejen", salbutamol, StringComparison.Ordinal);
        Assert.Contains("25 Oct 2025 to 10 Nov 2026", groups[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_record_cannot_be_read_the_list_stays_and_says_since_when_it_is_not_updated()
    {
        var cut = Render<MedicationList>(p => p.Add(c => c.View, View(new SyncFreshness(SyncedAt.AddDays(-1), SyncedAt))));

        Assert.Equal("Not updated since 28 Nov 2026, 10:42: the Shared Medication Record cannot be reached right now.",
            cut.Find("[data-testid=medication-not-updated]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=medication-source]"));
        Assert.Equal(4, cut.FindAll("[data-testid=medication-item]").Count);
    }

    [Fact]
    public void In_Danish_the_source_and_groups_use_the_medicine_card_words()
    {
        UseLanguage(CareCultures.Danish);
        var cut = Render<MedicationList>(p => p.Add(c => c.View, View(new SyncFreshness(SyncedAt, null))));

        Assert.Equal("Fra Fælles Medicinkort · synkroniseret 10.42", cut.Find("[data-testid=medication-source]").TextContent.Trim());
        Assert.Equal("Pauseret (1)", cut.FindAll("[data-testid=medication-group]")[1].QuerySelector("h3")!.TextContent.Trim());
        Assert.Contains("Efter behov", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_that_was_never_synced_says_so()
    {
        var cut = Render<MedicationList>(p => p.Add(c => c.View, new MedicationView([], [], [], new SyncFreshness(null, null), Today)));

        Assert.NotNull(cut.Find("[data-testid=medication-not-synced]"));
        Assert.Equal("No medications are recorded.", cut.Find("[data-testid=no-medication]").TextContent.Trim());
    }

    [Fact]
    public void While_a_refresh_asked_for_on_opening_is_under_way_the_section_says_it_is_updating_and_shows_what_it_has()
    {
        var cut = Render<MedicationList>(p => p.Add(c => c.View, View(new SyncFreshness(SyncedAt, null) { Updating = true })));

        Assert.Equal("Updating from the Shared Medication Record…", cut.Find("[data-testid=medication-updating]").TextContent.Trim());
        Assert.Equal("From the Shared Medication Record · synced 10:42", cut.Find("[data-testid=medication-source]").TextContent.Trim());
        Assert.Equal(4, cut.FindAll("[data-testid=medication-item]").Count);

        cut.Render(p => p.Add(c => c.View, View(new SyncFreshness(SyncedAt, null))));

        Assert.Empty(cut.FindAll("[data-testid=medication-updating]"));
    }

    [Fact]
    public void In_Danish_the_section_says_it_is_updating_from_the_medicine_card()
    {
        UseLanguage(CareCultures.Danish);
        var cut = Render<MedicationList>(p => p.Add(c => c.View, View(new SyncFreshness(null, null) { Updating = true })));

        Assert.Equal("Opdaterer fra Fælles Medicinkort…", cut.Find("[data-testid=medication-updating]").TextContent.Trim());
    }
}
