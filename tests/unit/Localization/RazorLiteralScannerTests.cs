namespace CareWorkspace.UnitTests.Localization;

/// <summary>The scanner behind the completeness test finds literal text and leaves translated text alone.</summary>
public sealed class RazorLiteralScannerTests
{
    [Theory]
    [InlineData("<MudText>Patients</MudText>", "Patients")]
    [InlineData("<p>\n    Only patients you care for are listed.\n</p>", "Only patients you care for are listed.")]
    [InlineData("<MudTextField Label=\"Search\" />", "Label=\"Search\"")]
    [InlineData("<MudIconButton aria-label=\"Toggle navigation\" />", "aria-label=\"Toggle navigation\"")]
    [InlineData("<MudText>@(Overview.Phone ?? \"Not recorded\")</MudText>", "\"Not recorded\"")]
    [InlineData("<PageTitle>Patients · CareWorkspace</PageTitle>", "Patients · CareWorkspace")]
    [InlineData("@if (x)\n{\n    <span>Ongoing</span>\n}", "Ongoing")]
    public void Scan_LiteralText_IsReported(string razor, string expected)
    {
        var found = RazorLiteralScanner.Scan(razor);

        Assert.Contains(found, f => f.Text == expected);
    }

    [Theory]
    [InlineData("<MudText>@L[\"Patients\"]</MudText>")]
    [InlineData("<MudTextField Label=\"@L[\"Search\"]\" Placeholder=\"@S[\"e.g. Jens\"]\" />")]
    [InlineData("<PageTitle>@L[\"Patients\"] · CareWorkspace</PageTitle>")]
    [InlineData("<td>CPR</td><td>@context.Cpr</td><td>@PatientLabels.For(m.Role)</td>")]
    [InlineData("@* A comment a developer reads *@\n<span>@Overview.Gp?.Name</span>")]
    [InlineData("@code {\n    private string text = \"Not shown\";\n}")]
    [InlineData("@if (list is null)\n{\n    <p>@L[\"None\"]</p>\n}\nelse if (list.Count == 0)\n{\n}\nelse\n{\n    @foreach (var x in list)\n    {\n        var current = x == 1;\n        <b>@x</b>\n    }\n}")]
    [InlineData("<MudLink Href=\"@($\"patients/{context.Id}\")\">@context.Name</MudLink>")]
    [InlineData("<span class=\"dismiss\">🗙</span> <span>@(a ? \" · \" : \"\")</span>")]
    [InlineData("<script>const text = \"Reload\";</script>")]
    [InlineData("<MudText>@(Overview.Phone ?? S[\"Not recorded\"])</MudText>")]
    public void Scan_TranslatedOrCode_IsNotReported(string razor)
    {
        var found = RazorLiteralScanner.Scan(razor);

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void Scan_ReportsTheLineOfTheText()
    {
        var found = RazorLiteralScanner.Scan("<div>\n    @L[\"Fine\"]\n</div>\n<p>Not fine</p>");

        Assert.Equal(new LiteralText(4, "Not fine"), Assert.Single(found));
    }
}
