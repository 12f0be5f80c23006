using System.Globalization;
using Bunit;
using CareWorkspace.Web.Features.Documents;
using Microsoft.AspNetCore.Components;

namespace CareWorkspace.UnitTests.Components;

public sealed class DocumentButtonsTests : BunitTestBase
{
    private static readonly Guid PatientId = Guid.NewGuid();

    public static TheoryData<Type, string, string, string> Buttons => new()
    {
        { typeof(PathwaySummaryButton), "pathway-summary-download", "pathway-summary.pdf", "Pathway summary (PDF)" },
        { typeof(CarePlanPdfButton), "care-plan-download", "care-plan.pdf", "Print care plan (PDF)" },
        { typeof(RehabilitationPlanPdfButton), "rehabilitation-plan-download", "rehabilitation-plan.pdf", "Print exercise sheet (PDF)" },
    };

    [Theory]
    [MemberData(nameof(Buttons))]
    public void EachButton_DownloadsItsDocumentOfThePatient(Type button, string testId, string file, string label)
    {
        var cut = Render(button);

        var link = cut.Find($"[data-testid={testId}]");
        Assert.Equal($"/patients/{PatientId}/documents/{file}", link.GetAttribute("href"));
        Assert.Equal(file, link.GetAttribute("download"));
        Assert.Equal(label, link.TextContent.Trim());
    }

    [Fact]
    public void InDanish_TheButtonsSayWhatTheyPrint()
    {
        UseLanguage(CultureInfo.GetCultureInfo("da-DK"));

        Assert.Equal("Udskriv forløbsplan (PDF)", Render(typeof(CarePlanPdfButton)).Find("a").TextContent.Trim());
    }

    private IRenderedComponent<DynamicComponent> Render(Type button) =>
        Render<DynamicComponent>(p => p.Add(x => x.Type, button).Add(x => x.Parameters, new Dictionary<string, object> { ["PatientId"] = PatientId }));
}
