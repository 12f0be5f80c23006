using System.Text;
using CareWorkspace.Domain.Messaging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>A failing action in a real browser: it explains itself, keeps what was typed, and the circuit lives on.</summary>
public sealed class LostInputTests(AppFixture app) : BrowserTest(app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public Task Choosing_too_many_attachments_keeps_the_typed_message_and_it_can_still_be_sent() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var subject = $"Many letters {Guid.NewGuid():N}"[..24];
        var nurse = await OpenPageAsync("nurse-holm");
        await LogInAsync(nurse, "nurse.holm");
        await nurse.GotoAsync($"patients/{jens}/messages");
        await Expect(nurse.GetByTestId("pathway-header").GetByTestId("patient-name")).ToHaveTextAsync("Jens Jensen");
        await WaitForBlazorAsync(nurse);
        await nurse.GetByRole(AriaRole.Button, new() { Name = "New message" }).ClickAsync();
        var form = nurse.GetByTestId("new-thread-form");
        await form.GetByLabel("Subject").FillAsync(subject);
        await form.GetByLabel("Message", new() { Exact = true }).FillAsync("Discharge letters attached.");
        var url = nurse.Url;
        await nurse.EvaluateAsync("() => { window.__marker = 1; }");

        var chosen = Enumerable.Range(1, AttachmentPolicy.MaxPerMessage + 3)
            .Select(i => new FilePayload { Name = $"letter-{i}.pdf", MimeType = "application/pdf", Buffer = Pdf })
            .ToArray();
        await form.Locator("input[type=file]").SetInputFilesAsync(chosen);

        await Expect(form.GetByTestId("attachment-problem")).ToContainTextAsync($"at most {AttachmentPolicy.MaxPerMessage} attachments");
        await Expect(form.GetByTestId("attachment-chip")).ToHaveCountAsync(AttachmentPolicy.MaxPerMessage);
        await Expect(form.GetByLabel("Subject")).ToHaveValueAsync(subject);
        await Expect(form.GetByLabel("Message", new() { Exact = true })).ToHaveValueAsync("Discharge letters attached.");
        await ScreenshotAsync(nurse, "too-many-attachments");

        // The circuit is alive: the same form sends, with the attachments that fit.
        await form.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var thread = nurse.GetByTestId("thread-panel");
        await Expect(thread).ToContainTextAsync(subject);
        await Expect(thread.GetByTestId("message-text")).ToHaveTextAsync("Discharge letters attached.");
        await Expect(thread.Locator("a[href^='attachments/']")).ToHaveCountAsync(AttachmentPolicy.MaxPerMessage);
        await Expect(nurse.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.True(await nurse.EvaluateAsync<bool>("() => window.__marker === 1"), "The page was reloaded.");
        Assert.Equal(url, nurse.Url);
    });
}
