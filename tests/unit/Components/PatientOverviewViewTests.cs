using Bunit;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Web.Features.Patients;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class PatientOverviewViewTests : BunitTestBase
{
    private static readonly OrganisationRef Gp = new(Guid.NewGuid(), "Lægerne Søndergade", "123456789012", Sector.GeneralPractice);
    private static readonly OrganisationRef Hospital = new(Guid.NewGuid(), "Aarhus Universitetshospital", "123456789013", Sector.Hospital);
    private static readonly OrganisationRef HomeCare = new(Guid.NewGuid(), "Aarhus Kommune Hjemmepleje", "123456789014", Sector.Municipality);

    private static PatientOverview FullOverview() => new(
        Guid.NewGuid(),
        "Jens Hansen",
        "070392-1234",
        new DateOnly(1992, 3, 7),
        33,
        "Nørregade 12, 8000 Aarhus C",
        "+45 11 22 33 44",
        Gp,
        [
            new RelativeRow("Ulla Hansen", RelationshipCode.SPS, "+45 55 66 77 88", true),
            new RelativeRow("Peter Hansen", RelationshipCode.CHILD, "99887766", false),
        ],
        [
            new CareTeamRow(Gp, CareTeamRole.GeneralPractitioner, new DateOnly(2020, 1, 1), null, true),
            new CareTeamRow(Hospital, CareTeamRole.TreatingHospital, new DateOnly(2025, 1, 1), null, true),
            new CareTeamRow(HomeCare, CareTeamRole.HomeCare, new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30), false),
        ],
        [
            new ConditionRow(Guid.NewGuid(), Condition.SksSystem, "DJ449", "Chronic obstructive pulmonary disease", new DateOnly(2019, 5, 1)),
            new ConditionRow(Guid.NewGuid(), Condition.SksSystem, "DE119", "Type 2 diabetes", new DateOnly(2015, 2, 1)),
        ]);

    [Theory]
    [InlineData("da-DK", "33 år (født 7. mar. 1992)", "Pårørende", "Ægtefælle", "Praktiserende læge", "siden maj 2019", "1. jan. 2024 – 30. jun. 2024", "fortsat")]
    [InlineData("en-GB", "33 years (born 7 Mar 1992)", "Contact relatives", "Spouse", "General practitioner", "since May 2019", "1 Jan 2024 – 30 Jun 2024", "ongoing")]
    public void Render_InEachLanguage_ShowsTextsAndDatesInThatLanguage(
        string culture, string age, string relatives, string spouse, string gpRole, string since, string period, string ongoing)
    {
        UseLanguage(System.Globalization.CultureInfo.GetCultureInfo(culture));

        var cut = Render<PatientOverviewView>(p => p.Add(c => c.Overview, FullOverview()));

        var text = cut.Find("[data-testid=patient-overview]").TextContent;
        Assert.Contains(age, text, StringComparison.Ordinal);
        Assert.Contains(relatives, cut.Find("[data-testid=relatives]").TextContent, StringComparison.Ordinal);
        Assert.Contains(spouse, text, StringComparison.Ordinal);
        Assert.Contains(gpRole, cut.Find("[data-testid=care-team]").TextContent, StringComparison.Ordinal);
        Assert.Contains(since, cut.Find("[data-testid=conditions]").TextContent, StringComparison.Ordinal);
        Assert.Contains(period, text, StringComparison.Ordinal);
        Assert.Contains(ongoing, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FullOverview_ShowsMasterData()
    {
        var cut = Render<PatientOverviewView>(p => p.Add(c => c.Overview, FullOverview()));

        var text = cut.Find("[data-testid=patient-overview]").TextContent;
        Assert.Equal("Jens Hansen", cut.Find("[data-testid=patient-name]").TextContent.Trim());
        Assert.Contains("CPR 070392-1234", text, StringComparison.Ordinal);
        Assert.Contains("33 years", text, StringComparison.Ordinal);
        Assert.Equal("Lægerne Søndergade", cut.Find("[data-testid=patient-gp]").TextContent.Trim());
        Assert.Contains("Nørregade 12, 8000 Aarhus C", text, StringComparison.Ordinal);
        Assert.Contains("+45 11 22 33 44", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FullOverview_IsPlainMarkup()
    {
        // Every component stays in each open pathway's memory (docs/benchmarks.md): text, papers, grids, chips and
        // tables and the relatives list are plain markup with MudBlazor's classes.
        var cut = Render<PatientOverviewView>(p => p.Add(c => c.Overview, FullOverview()));

        Assert.Empty(cut.FindComponents<MudText>());
        Assert.Empty(cut.FindComponents<MudPaper>());
        Assert.Empty(cut.FindComponents<MudItem>());
        Assert.Empty(cut.FindComponents<MudChip<string>>());
        Assert.Empty(cut.FindComponents<MudList<string>>());
        Assert.Equal(2, cut.FindAll("[data-testid=relatives] ul.mud-list > li.mud-list-item").Count);
        Assert.Equal("Contact relative", cut.Find(".mud-chip-content").TextContent);
    }

    [Fact]
    public void Render_MissingMasterData_ShowsNotRecorded()
    {
        var overview = FullOverview() with { Address = null, Phone = null, Gp = null };

        var cut = Render<PatientOverviewView>(p => p.Add(c => c.Overview, overview));

        Assert.Equal("Not recorded", cut.Find("[data-testid=patient-gp]").TextContent.Trim());
        var text = cut.Find("[data-testid=patient-overview]").TextContent;
        Assert.Equal(3, text.Split("Not recorded").Length - 1);
    }

    [Fact]
    public void Render_Relatives_ShowsPhoneAndContactChipOnlyForContactRelative()
    {
        var cut = Render<PatientOverviewView>(p => p.Add(c => c.Overview, FullOverview()));

        var items = cut.FindAll("[data-testid=relatives] .mud-list-item");
        Assert.Equal(2, items.Count);
        Assert.Contains("Ulla Hansen", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Spouse", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Phone +45 55 66 77 88", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Contact relative", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Peter Hansen", items[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Phone 99887766", items[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact relative", items[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CareTeam_ShowsOneRowPerMembershipWithOrganisationSectorAndRole()
    {
        var cut = Render<PatientOverviewView>(p => p.Add(c => c.Overview, FullOverview()));

        var rows = cut.FindAll("[data-testid=care-team] tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Lægerne Søndergade", "General practice", "General practitioner"], Cells(rows[0]).Take(3));
        Assert.Equal(["Aarhus Universitetshospital", "Hospital", "Treating hospital"], Cells(rows[1]).Take(3));
        Assert.Equal(["Aarhus Kommune Hjemmepleje", "Municipality", "Home care"], Cells(rows[2]).Take(3));
        Assert.Contains("ongoing", Cells(rows[1])[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EndedMembership_IsMarkedEnded()
    {
        var cut = Render<PatientOverviewView>(p => p.Add(c => c.Overview, FullOverview()));

        var rows = cut.FindAll("[data-testid=care-team] tbody tr");
        Assert.DoesNotContain("care-team--ended", rows[0].ClassList);
        Assert.Contains("care-team--ended", rows[2].ClassList);
        Assert.DoesNotContain("ongoing", Cells(rows[2])[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Conditions_ShowsTextAndCode()
    {
        var cut = Render<PatientOverviewView>(p => p.Add(c => c.Overview, FullOverview()));

        var rows = cut.FindAll("[data-testid=conditions] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Chronic obstructive pulmonary disease", "DJ449"], Cells(rows[0]).Take(2));
        Assert.Equal(["Type 2 diabetes", "DE119"], Cells(rows[1]).Take(2));
    }

    [Theory]
    [InlineData("relatives")]
    [InlineData("care-team")]
    [InlineData("conditions")]
    public void Render_SectionNotShared_ShowsNotSharedWithYou(string section)
    {
        var overview = FullOverview() with { Relatives = null, CareTeam = null, Conditions = null };

        var cut = Render<PatientOverviewView>(p => p.Add(c => c.Overview, overview));

        var panel = cut.Find($"[data-testid={section}]");
        Assert.Contains("Not shared with you.", panel.TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public void Render_OnlyOneSectionNotShared_OtherSectionsStillShown()
    {
        var overview = FullOverview() with { Conditions = null };

        var cut = Render<PatientOverviewView>(p => p.Add(c => c.Overview, overview));

        Assert.Contains("Not shared with you.", cut.Find("[data-testid=conditions]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Not shared with you.", cut.Find("[data-testid=care-team]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Not shared with you.", cut.Find("[data-testid=relatives]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptySections_ShowsNothingRecorded()
    {
        var overview = FullOverview() with { Relatives = [], Conditions = [] };

        var cut = Render<PatientOverviewView>(p => p.Add(c => c.Overview, overview));

        Assert.Contains("No relatives recorded.", cut.Find("[data-testid=relatives]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No conditions recorded.", cut.Find("[data-testid=conditions]").TextContent, StringComparison.Ordinal);
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
}
