using Bunit;
using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Web.Features.Medicines.Allergies;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Components;

public sealed class CaveBannerViewTests : BunitTestBase
{
    private static AllergyItem Item(string? substance, string? atc, AllergySeverity severity, AllergyCertainty certainty, string? reaction,
        AllergyStatus status = AllergyStatus.Active) =>
        new(Guid.NewGuid(), Guid.NewGuid(), 1, substance, atc, reaction, severity, certainty, status, null, AllergySource.Local,
            "Peter Larsen", DateTimeOffset.UnixEpoch, "Peter Larsen", DateTimeOffset.UnixEpoch);

    [Fact]
    public void AnActiveAllergy_IsShownWithItsClassCertaintySeverityAndReaction()
    {
        var banner = Render<CaveBannerView>(p => p.Add(b => b.Entries,
            [Item("Penicillins", "J01C", AllergySeverity.Severe, AllergyCertainty.Confirmed, "anaphylaxis")]));

        var text = banner.Find("[data-testid=cave-banner]").TextContent;
        Assert.Contains("CAVE:", text, StringComparison.Ordinal);
        Assert.Equal("Penicillins (J01C) — confirmed, severe: anaphylaxis", banner.Find("[data-testid=cave-entry]").TextContent);
    }

    [Fact]
    public void ResolvedAndMistakenEntries_AreNotShown_AndNoneAtAllShowsNoBanner()
    {
        var banner = Render<CaveBannerView>(p => p.Add(b => b.Entries,
        [
            Item("Latex", null, AllergySeverity.Mild, AllergyCertainty.Suspected, null, AllergyStatus.Resolved),
            Item("Codein", null, AllergySeverity.Mild, AllergyCertainty.Suspected, null, AllergyStatus.EnteredInError),
        ]));

        Assert.Empty(banner.FindAll("[data-testid=cave-banner]"));
    }

    [Fact]
    public void TheMostSeriousEntry_ComesFirst_AndASuspectedOneSaysSo()
    {
        var banner = Render<CaveBannerView>(p => p.Add(b => b.Entries,
        [
            Item("Latex", null, AllergySeverity.Mild, AllergyCertainty.Suspected, null),
            Item(null, "J01C", AllergySeverity.LifeThreatening, AllergyCertainty.Suspected, "anaphylaxis"),
        ]));

        Assert.Equal(["J01C — suspected, life-threatening: anaphylaxis", "Latex — suspected, mild"],
            banner.FindAll("[data-testid=cave-entry]").Select(e => e.TextContent));
    }

    [Fact]
    public void InDanish_TheBannerSpeaksDanish()
    {
        UseLanguage(CareCultures.Danish);

        var banner = Render<CaveBannerView>(p => p.Add(b => b.Entries,
            [Item("Penicilliner", "J01C", AllergySeverity.Severe, AllergyCertainty.Confirmed, "anafylaksi")]));

        Assert.Equal("Penicilliner (J01C) — bekræftet, svær: anafylaksi", banner.Find("[data-testid=cave-entry]").TextContent);
        Assert.Equal("Allergier: Penicilliner (J01C) (bekræftet, svær)", banner.Find("[data-testid=cave-banner]").GetAttribute("aria-label"));
    }

    [Fact]
    public void TheBanner_IsARegionNamedByItsAllergies_MostSeriousFirst()
    {
        var banner = Render<CaveBannerView>(p => p.Add(b => b.Entries,
        [
            Item("Latex", null, AllergySeverity.Mild, AllergyCertainty.Suspected, null),
            Item("Penicillin", null, AllergySeverity.Severe, AllergyCertainty.Confirmed, "anaphylaxis"),
        ]));

        var region = banner.Find("[data-testid=cave-banner]");
        Assert.Equal("region", region.GetAttribute("role"));
        // MudAlert's markup without the component (it stayed in every open pathway's server memory).
        Assert.Empty(banner.FindComponents<MudBlazor.MudAlert>());
        Assert.Contains("mud-alert-filled-error", region.QuerySelector(".mud-alert")!.ClassList);
        Assert.Equal("Allergies: Penicillin (confirmed, severe); Latex (suspected, mild)", region.GetAttribute("aria-label"));
    }

    [Fact]
    public void TheLiveRegion_IsAlwaysThere_SaysNothingOnOpening_AndAnnouncesAnAllergyAddedLive()
    {
        var latex = Item("Latex", null, AllergySeverity.Mild, AllergyCertainty.Suspected, null);
        var banner = Render<CaveBannerView>(p => p.Add(b => b.Entries, []));

        var live = banner.Find("[data-testid=cave-announcement]");
        Assert.Equal("status", live.GetAttribute("role"));
        Assert.Equal("polite", live.GetAttribute("aria-live"));
        Assert.Equal("", live.TextContent);

        banner.Render(p => p.Add(b => b.Entries, [latex]));
        Assert.Equal("Allergy added: Latex (suspected, mild)", banner.Find("[data-testid=cave-announcement]").TextContent);

        banner.Render(p => p.Add(b => b.Entries,
            [latex, Item("Penicillin", null, AllergySeverity.Severe, AllergyCertainty.Confirmed, "anaphylaxis")]));
        Assert.Equal("Allergy added: Penicillin (confirmed, severe)", banner.Find("[data-testid=cave-announcement]").TextContent);
    }

    [Fact]
    public void OpeningAPageWithAllergies_AnnouncesNothing_WhileReadingNorOnceRead()
    {
        var banner = Render<CaveBannerView>(p => p.Add(b => b.Entries, null));
        Assert.Empty(banner.FindAll("[data-testid=cave-banner]"));

        banner.Render(p => p.Add(b => b.Entries, [Item("Penicillin", null, AllergySeverity.Severe, AllergyCertainty.Confirmed, null)]));

        Assert.Equal("", banner.Find("[data-testid=cave-announcement]").TextContent);
        Assert.Single(banner.FindAll("[data-testid=cave-entry]"));
    }
}
