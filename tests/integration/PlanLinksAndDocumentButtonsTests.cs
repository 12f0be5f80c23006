using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.CarePlans;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.CarePlans;
using CareWorkspace.Web.Features.Pathway;
using CareWorkspace.Web.Features.Rehabilitation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The plan sections as components on the real services and database (bunit): the PDF download buttons are shown to whoever
/// may read the section, with the document's address, and to nobody else; a link to an appointment opens it in the calendar.
/// </summary>
public abstract class PlanLinksAndDocumentButtonsTests(CareAppFactory factory)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private LivePageContext Page(Actor actor)
    {
        var page = new LivePageContext(factory, actor);
        page.Services.AddSingleton(factory.Services.GetRequiredService<CarePlanTemplates>());
        return page;
    }

    [Theory]
    [InlineData("care-plan-download", "care-plan.pdf")]
    [InlineData("rehabilitation-plan-download", "rehabilitation-plan.pdf")]
    [InlineData("pathway-summary-download", "pathway-summary.pdf")]
    public async Task The_care_team_GP_sees_the_download_button_with_the_documents_address(string testId, string file)
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        await using var page = Page(gp);
        page.RenderProviders();

        var section = Render(page, testId, jensId);

        var button = section.WaitForElement($"[data-testid={testId}]", LivePageContext.Timeout);
        Assert.Equal($"/patients/{jensId}/documents/{file}", button.GetAttribute("href"));
        Assert.Equal(file, button.GetAttribute("download"));
    }

    [Theory]
    [InlineData("care-plan-download")]
    [InlineData("rehabilitation-plan-download")]
    [InlineData("pathway-summary-download")]
    public async Task A_nurse_outside_the_care_team_is_refused_the_section_and_sees_no_download_button(string testId)
    {
        var jensId = await factory.JensIdAsync(Ct);
        var stranger = await factory.ActorAsync("nurse.roskilde", Ct);
        await using var page = Page(stranger);
        page.RenderProviders();

        var section = Render(page, testId, jensId);

        section.WaitForElement(".mud-alert", LivePageContext.Timeout);
        Assert.Empty(section.FindAll($"[data-testid={testId}]"));
        Assert.Empty(section.FindAll("a[href*='/documents/']"));
    }

    [Fact]
    public async Task A_link_to_an_appointment_opens_the_calendar_on_its_day_with_its_details_shown()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var day = CalendarTestData.NextDay();
        var appointmentId = await factory.CallAsync<AppointmentService, Guid>(s => s.BookAsync(gp, jensId, CalendarTestData.FollowUp(gp, day), Ct));
        await using var page = Page(gp);
        var dialogs = page.RenderProviders();
        page.Services.GetRequiredService<NavigationManager>().NavigateTo(CalendarLinks.Appointment(jensId, appointmentId));

        var calendar = page.Render<CalendarSection>(p => p.Add(x => x.PatientId, jensId));

        dialogs.WaitForElement("[data-testid=appointment-details]", LivePageContext.Timeout);
        Assert.Contains(CareWorkspace.Web.Localization.CareFormat.Date(day), calendar.Find("[data-testid=calendar-period]").TextContent, StringComparison.Ordinal);
    }

    private static IRenderedComponent<DynamicComponent> Render(LivePageContext page, string testId, Guid patientId) =>
        page.Render<DynamicComponent>(p => p
            .Add(x => x.Type, testId switch
            {
                "care-plan-download" => typeof(CarePlanSection),
                "rehabilitation-plan-download" => typeof(RehabilitationSection),
                _ => typeof(OverviewSection),
            })
            .Add(x => x.Parameters, new Dictionary<string, object> { ["PatientId"] = patientId }));
}

public sealed class PlanLinksAndDocumentButtonsTests_Sqlite(SqliteAppFactory factory) : PlanLinksAndDocumentButtonsTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class PlanLinksAndDocumentButtonsTests_PostgreSql(PostgreSqlAppFactory factory) : PlanLinksAndDocumentButtonsTests(factory), IClassFixture<PostgreSqlAppFactory>;
