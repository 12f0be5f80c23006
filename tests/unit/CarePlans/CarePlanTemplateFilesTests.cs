using System.Globalization;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.CarePlans;

namespace CareWorkspace.UnitTests.CarePlans;

public sealed class CarePlanTemplateFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("careplan-templates-").FullName;

    [Fact]
    public void TheRepositorysTemplates_LoadWithTheirDefaultGoalsAndActivities()
    {
        var templates = CarePlanTemplates.Load(Path.Combine(AppContext.BaseDirectory, CarePlanTemplates.DefaultFolder));

        Assert.Equal(["chronic-low-back-pain", "copd", "type-2-diabetes"], templates.All.Select(t => t.Id));
        var copd = templates.Find("copd")!;
        Assert.Contains(copd.Goals, g => g.Description.En == "Stop smoking" && g.Unit.Code == "{cigarettes}/d" && g.Target == 0);
        Assert.Contains(copd.Goals, g => g.MeasureName.En == "6-minute walk distance" && g.Comparator == GoalComparator.AtLeast && g.Target == 300 && g.Unit.Code == "m");
        Assert.Contains(copd.Activities, a => a.Description.En == "Annual check-up with spirometry" && a.Sector == Sector.GeneralPractice);
        Assert.Contains(copd.Activities, a => a.Description.Da == "Rygestopkursus" && a.Sector == Sector.Municipality);
        Assert.Contains(copd.Activities, a => a.Description.En.Contains("Telemonitoring", StringComparison.Ordinal));
        Assert.NotEmpty(copd.Measurements);
        var diabetes = templates.Find("type-2-diabetes")!;
        Assert.Contains(diabetes.Goals, g => g.MeasureName.En == "HbA1c" && g.Comparator == GoalComparator.AtMost && g.Target == 53 && g.Unit.Code == "mmol/mol");
        Assert.All(templates.All, t => Assert.All(t.Goals, g => Assert.False(string.IsNullOrWhiteSpace(g.Description.Da))));
        Assert.Equal("Forløbsplan for KOL", copd.Instantiate(Guid.NewGuid(), new DateOnly(2026, 12, 1), CultureInfo.GetCultureInfo("da-DK"), [],
            new("GP", DateTimeOffset.UnixEpoch)).Title);
    }

    [Fact]
    public void AFileThatDoesNotParse_IsRefusedNamingTheFileAndTheLine()
    {
        var good = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, CarePlanTemplates.DefaultFolder, "copd.json"));
        File.WriteAllText(Path.Combine(_folder, "copd.json"), good);
        // Line 4 loses its comma: the JSON no longer parses there.
        File.WriteAllText(Path.Combine(_folder, "broken.json"), "{\n  \"id\": \"broken\",\n  \"version\": \"1.0.0\",\n  \"title\": { \"en\": \"A\", \"da\": \"B\" }\n  \"conditions\": []\n}\n");

        var ex = Assert.Throws<CarePlanTemplateException>(() => CarePlanTemplates.Load(_folder));

        Assert.Contains("'broken.json'", ex.Message);
        Assert.Contains("line 5", ex.Message);
    }

    [Fact]
    public void AFileWithAnUnknownField_IsRefusedNamingTheFileAndTheLine()
    {
        File.WriteAllText(Path.Combine(_folder, "typo.json"), "{\n  \"id\": \"typo\",\n  \"versoin\": \"1.0.0\"\n}\n");

        var ex = Assert.Throws<CarePlanTemplateException>(() => CarePlanTemplates.Load(_folder));

        Assert.Contains("'typo.json'", ex.Message);
        Assert.Contains("line 3", ex.Message);
    }

    [Fact]
    public void AFileWithANonUcumUnit_IsRefusedNamingTheFileAndTheUnit()
    {
        var good = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, CarePlanTemplates.DefaultFolder, "copd.json"));
        File.WriteAllText(Path.Combine(_folder, "copd.json"), good.Replace("\"unit\": \"m\"", "\"unit\": \"metres\"", StringComparison.Ordinal));

        var ex = Assert.Throws<CarePlanTemplateException>(() => CarePlanTemplates.Load(_folder));

        Assert.Contains("'copd.json'", ex.Message);
        Assert.Contains("'metres' is not a UCUM unit", ex.Message);
    }

    [Fact]
    public void AFileThatLeavesOutAField_IsRefusedNamingTheFileAndTheField()
    {
        var good = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, CarePlanTemplates.DefaultFolder, "copd.json"));
        File.WriteAllText(Path.Combine(_folder, "copd.json"), good.Replace("\"durationMonths\": 12,", "", StringComparison.Ordinal));

        var ex = Assert.Throws<CarePlanTemplateException>(() => CarePlanTemplates.Load(_folder));

        Assert.Contains("'copd.json'", ex.Message);
        Assert.Contains("durationMonths", ex.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
