using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// Jens asks his GP to block a part of his record for him: the GP blocks it on the consents tab, with the mandatory reason
/// (refused without one, keeping the choices), and Jens sees the block on his own page as made by staff for him, with the
/// GP's name and reason.
/// </summary>
public sealed class StaffBlockJourneyTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task The_GP_blocks_a_part_of_the_record_for_Jens_with_a_reason_and_Jens_sees_it() => RunAsync(async () =>
    {
        var jensId = await JensIdAsync();
        var reason = "Jens asked by phone; he cannot use the app " + Guid.NewGuid().ToString("N")[..6];

        var gp = await OpenPageAsync("gp.larsen");
        await LogInAsync(gp, "gp.larsen");
        var jens = await OpenPageAsync("jens");
        await LogInAsync(jens, "jens");
        try
        {
            await gp.GotoAsync($"patients/{jensId}/consents");
            await WaitForBlazorAsync(gp);
            var form = gp.GetByTestId("staff-block-form");
            await Expect(form).ToBeVisibleAsync();
            await form.GetByRole(AriaRole.Combobox, new() { Name = "Part of the record" }).ClickAsync();
            await gp.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = "Rehabilitation plan", Exact = true }).ClickAsync();
            await form.GetByRole(AriaRole.Combobox, new() { Name = "Kept from" }).ClickAsync();
            await gp.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = "Every organisation in: Municipality", Exact = true }).ClickAsync();

            // Without a reason it is refused, and the choices are kept.
            await form.GetByTestId("staff-block-submit").ClickAsync();
            await Expect(form).ToContainTextAsync("Write why you block this for the patient.");
            await Expect(form.GetByRole(AriaRole.Combobox, new() { Name = "Part of the record" })).ToContainTextAsync("Rehabilitation plan");

            await form.Locator("textarea").First.FillAsync(reason);
            await form.GetByTestId("staff-block-submit").ClickAsync();
            await Expect(gp.GetByText("Blocked for the patient. The patient sees the block and your reason.")).ToBeVisibleAsync();

            // Jens sees it on his own page, made by staff for him, with who and why.
            await jens.GotoAsync("my/sharing");
            await WaitForBlazorAsync(jens);
            var block = jens.GetByTestId("sharing-block").Filter(new() { HasText = reason });
            await Expect(block).ToHaveCountAsync(1);
            await Expect(block).ToContainTextAsync("Rehabilitation plan");
            await Expect(block).ToContainTextAsync("Municipality");
            await Expect(block).ToContainTextAsync("Active");
            await Expect(block.GetByTestId("sharing-block-by-staff")).ToContainTextAsync("Made by staff for you");
            await Expect(block.GetByTestId("sharing-block-by-staff")).ToContainTextAsync($"By Peter Larsen. Reason: {reason}");
        }
        finally
        {
            // Other journeys use Jens' rehabilitation plan from the municipality: the block is lifted again.
            await jens.GotoAsync("my/sharing");
            await WaitForBlazorAsync(jens);
            await Expect(jens.GetByTestId("sharing-block").Or(jens.GetByTestId("sharing-none")).First).ToBeVisibleAsync();
            var lifts = jens.GetByTestId("sharing-lift");
            for (var left = await lifts.CountAsync(); left > 0; left--)
            {
                await lifts.First.ClickAsync();
                await Expect(lifts).ToHaveCountAsync(left - 1);
            }
        }
    });
}
