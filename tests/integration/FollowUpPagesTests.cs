using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.Notifications;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.FollowUp;
using CareWorkspace.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The follow-up screens as components on the real services and database (bunit): the notification bell (unread count,
/// the list, live arrival, mark all read), the clinic's /tasks list (live) and the hospital's Record discharge form.
/// </summary>
public abstract class FollowUpPagesTests(CareAppFactory factory)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_bell_counts_unread_lists_them_hears_a_new_one_live_and_marks_all_read()
    {
        // A user of its own, so that no job or other test adds to the count.
        var reader = new Actor("bell-" + Guid.NewGuid().ToString("N"), "Bell Reader", UserRole.GpStaff, null, null);
        await NotifyAsync(reader.UserId, "Anna Andersen", read: false);
        await NotifyAsync(reader.UserId, "Bent Berg", read: false);
        await NotifyAsync(reader.UserId, "Carl Clausen", read: true);
        await using var page = new LivePageContext(factory, reader);

        var bell = page.Render<NotificationBell>();

        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find(".mud-badge").TextContent.Trim()), LivePageContext.Timeout);
        var button = bell.Find("[data-testid=notification-bell] button");
        Assert.Equal("Notifications, 2 unread", button.GetAttribute("aria-label"));
        Assert.Equal("false", button.GetAttribute("aria-expanded"));
        // A plain disclosure: no menu, popover or badge component stays in every open page.
        Assert.Empty(bell.FindComponents<MudMenu>());
        Assert.Empty(bell.FindComponents<MudBadge>());

        await NotifyAsync(reader.UserId, "Dorte Dahl", read: false);
        factory.Services.GetRequiredService<IPathwayNotifier>().Sent([reader.UserId]);
        bell.WaitForAssertion(() => Assert.Equal("3", bell.Find(".mud-badge").TextContent.Trim()), LivePageContext.Timeout);
        bell.WaitForAssertion(() => Assert.Contains("Notifications, 3 unread", bell.Find("[data-testid=notification-announcement]").TextContent, StringComparison.Ordinal), LivePageContext.Timeout);

        // Escape closes the list and gives the focus back to the bell.
        await bell.InvokeAsync(() => bell.Find("[data-testid=notification-bell] button").Click());
        Assert.Equal("true", bell.Find("[data-testid=notification-bell] button").GetAttribute("aria-expanded"));
        Assert.Equal("notification-list", bell.Find("[data-testid=notification-bell] button").GetAttribute("aria-controls"));
        await bell.InvokeAsync(() => bell.Find(".notification-bell").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" }));
        Assert.Empty(bell.FindAll("[data-testid=notification]"));
        Assert.Equal("false", bell.Find("[data-testid=notification-bell] button").GetAttribute("aria-expanded"));
        page.JSInterop.VerifyFocusAsyncInvoke();

        // A click beside the open list closes it too.
        await bell.InvokeAsync(() => bell.Find("[data-testid=notification-bell] button").Click());
        await bell.InvokeAsync(() => bell.Find("[data-testid=notification-backdrop]").Click());
        Assert.Empty(bell.FindAll("[data-testid=notification-list]"));

        await bell.InvokeAsync(() => bell.Find("[data-testid=notification-bell] button").Click());
        bell.WaitForAssertion(() => Assert.Equal(4, bell.FindAll("[data-testid=notification]").Count), LivePageContext.Timeout);
        var items = bell.FindAll("[data-testid=notification]");
        Assert.Contains("Dorte Dahl was discharged and should see the GP by", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("font-weight-bold", items[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("Carl Clausen", items[^1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("font-weight-bold", items[^1].ClassName ?? "", StringComparison.Ordinal);

        var markAll = bell.Find("[data-testid=notifications-mark-all-read]");
        Assert.Equal("Mark all as read", markAll.TextContent.Trim());
        await bell.InvokeAsync(() => markAll.Click());

        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".mud-badge")), LivePageContext.Timeout);
        bell.WaitForAssertion(() => Assert.Equal("Notifications", bell.Find("[data-testid=notification-bell] button").GetAttribute("aria-label")), LivePageContext.Timeout);
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.RecipientUserId == reader.UserId && n.ReadAt == null, Ct));
    }

    [Fact]
    public async Task The_clinic_task_list_shows_a_new_discharge_live_and_is_refused_to_home_care()
    {
        var secretary = await factory.ActorAsync("gp.secretary", Ct);
        await using var page = new LivePageContext(factory, secretary);
        page.Render<MudPopoverProvider>();
        var tasks = page.Render<TasksPage>();
        tasks.WaitForAssertion(() => Assert.True(tasks.FindAll("[data-testid=tasks], [data-testid=tasks-empty]").Count > 0), LivePageContext.Timeout);
        var note = "Check the wound " + Guid.NewGuid().ToString("N")[..6];

        await DischargeJensAsync(note);

        tasks.WaitForAssertion(() => Assert.Contains(tasks.FindAll("[data-testid=task]"), row => row.TextContent.Contains(note, StringComparison.Ordinal)),
            LivePageContext.Timeout);
        var row = tasks.FindAll("[data-testid=task]").Single(r => r.TextContent.Contains(note, StringComparison.Ordinal));
        Assert.Contains("Jens Jensen", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not booked", row.TextContent, StringComparison.Ordinal);

        await using var homeCare = new LivePageContext(factory, await factory.ActorAsync("nurse.holm", Ct));
        homeCare.Render<MudPopoverProvider>();
        var refused = homeCare.Render<TasksPage>();
        refused.WaitForAssertion(() => Assert.Contains("The task list is for the GP clinic's staff.", refused.Find("[data-testid=tasks-refused]").TextContent,
            StringComparison.Ordinal), LivePageContext.Timeout);
        Assert.DoesNotContain(note, refused.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_discharge_is_offered_to_the_hospital_only_saves_the_follow_up_and_keeps_the_note_when_the_save_fails()
    {
        var jensId = await factory.JensIdAsync(Ct);
        await using (var gpPage = new LivePageContext(factory, await factory.ActorAsync("gp.larsen", Ct)))
        {
            var forGp = gpPage.Render<RecordDischarge>(p => p.Add(d => d.PatientId, jensId));
            await forGp.InvokeAsync(() => { });
            Assert.Empty(forGp.FindAll("[data-testid=record-discharge]"));
        }

        await using var page = new LivePageContext(factory, await factory.ActorAsync("hospital.doctor", Ct));
        page.Render<MudPopoverProvider>();
        var form = page.Render<RecordDischarge>(p => p.Add(d => d.PatientId, jensId));
        var offer = form.WaitForElement("[data-testid=record-discharge]", LivePageContext.Timeout);
        await form.InvokeAsync(() => offer.Click());
        var note = "Wound check " + Guid.NewGuid().ToString("N")[..6];
        form.WaitForElement("[data-testid=discharge-form] textarea", LivePageContext.Timeout).Change(note);
        form.FindComponent<MudNumericField<int>>().Find("input").Change("5");

        page.Database.FailNextSaves(1, () => new DatabaseOutage());
        await form.InvokeAsync(() => SaveButton(form).Click());
        form.WaitForElement("[data-testid=discharge-problem]", LivePageContext.Timeout);
        Assert.Equal(note, form.Find("[data-testid=discharge-form] textarea").GetAttribute("value") ?? form.Find("[data-testid=discharge-form] textarea").TextContent);
        Assert.False(await TaskExistsAsync(note));

        await form.InvokeAsync(() => SaveButton(form).Click());

        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=discharge-form]")), LivePageContext.Timeout);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var task = await db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Note == note, Ct);
        Assert.Equal(jensId, task.PatientId);
        Assert.Equal(5, task.DueBy.DayNumber - CopenhagenTime.DateOf(task.DischargedAt).DayNumber);
    }

    private static AngleSharp.Dom.IElement SaveButton(IRenderedComponent<RecordDischarge> form) =>
        form.FindAll("[data-testid=discharge-form] button").Single(b => b.TextContent.Trim() == "Record discharge");

    private async Task<bool> TaskExistsAsync(string note)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.FollowUpTasks.AnyAsync(t => t.Note == note, Ct);
    }

    private async Task NotifyAsync(string userId, string patient, bool read)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var notification = new Notification(userId, new NotificationMessage(NotificationKind.FollowUpTaskCreated,
            new Dictionary<string, string> { [NotificationMessage.Patient] = patient, [NotificationMessage.Due] = "2026-12-10" }, null, "/tasks"),
            DateTimeOffset.UtcNow);
        if (read)
            notification.MarkRead(DateTimeOffset.UtcNow);
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(Ct);
    }

    private async Task DischargeJensAsync(string note)
    {
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        Assert.NotNull(await factory.CallAsync<DischargeService, Guid?>(s => s.RecordAsync(doctor, jensId, new DischargeInput(7, note), Ct)));
    }
}

public sealed class FollowUpPagesTests_Sqlite(SqliteAppFactory factory) : FollowUpPagesTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class FollowUpPagesTests_PostgreSql(PostgreSqlAppFactory factory) : FollowUpPagesTests(factory), IClassFixture<PostgreSqlAppFactory>;
