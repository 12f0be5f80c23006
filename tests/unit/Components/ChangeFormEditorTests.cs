using Bunit;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.Web.Features.Triage;

namespace CareWorkspace.UnitTests.Components;

/// <summary>
/// The change form's validation: impossible values are refused beside their field, unusual ones need a tick, a colour
/// other than the suggestion needs a reason; nothing is sent until all is right, and what was typed stays.
/// </summary>
public sealed class ChangeFormEditorTests : BunitTestBase
{
    private IRenderedComponent<ChangeFormEditor> RenderForm(List<ChangeFormInput> sent, string? refuseWith = null) =>
        Render<ChangeFormEditor>(p => p
            .Add(c => c.Form, ChangeFormItems.Defaults)
            .Add(c => c.Save, input =>
            {
                sent.Add(input);
                return Task.FromResult(refuseWith);
            }));

    [Fact]
    public async Task An_impossible_pulse_is_refused_beside_the_field_and_nothing_is_sent()
    {
        var sent = new List<ChangeFormInput>();
        var cut = RenderForm(sent);

        await cut.Find("#vital-pulse").InputAsync("400");
        await cut.Find("[data-testid=save-change-form]").ClickAsync();

        Assert.Empty(sent);
        Assert.Contains("A pulse of 400 /min is not possible: enter a value from 20 to 300.", cut.Find("[data-testid=vital-pulse-field]").TextContent);
        Assert.Equal("Correct the values marked in red.", cut.Find("[data-testid=change-form-error]").TextContent.Trim());
        Assert.Equal("400", cut.Find("#vital-pulse").GetAttribute("value"));
    }

    [Fact]
    public async Task An_impossible_pulse_stays_refused_after_the_field_is_left()
    {
        var cut = RenderForm([]);

        await cut.Find("#vital-pulse").InputAsync("400");
        await cut.Find("#vital-pulse").BlurAsync();

        Assert.Contains("A pulse of 400 /min is not possible", cut.Find("[data-testid=vital-pulse-field]").TextContent);
    }

    [Fact]
    public async Task Text_that_is_not_a_number_is_refused_beside_the_field()
    {
        var sent = new List<ChangeFormInput>();
        var cut = RenderForm(sent);

        await cut.Find("#vital-temperature").InputAsync("high");
        await cut.Find("[data-testid=save-change-form]").ClickAsync();

        Assert.Empty(sent);
        Assert.Contains("Enter a number.", cut.Find("[data-testid=vital-temperature-field]").TextContent);
    }

    [Fact]
    public async Task An_unusual_temperature_is_sent_only_once_confirmed()
    {
        var sent = new List<ChangeFormInput>();
        var cut = RenderForm(sent);

        await cut.Find("#vital-temperature").InputAsync("33,5");
        Assert.Contains("A temperature of 33.5 °C is unusual", cut.Find("[data-testid=vital-temperature-unusual]").TextContent);
        await cut.Find("[data-testid=save-change-form]").ClickAsync();
        Assert.Empty(sent);
        Assert.Equal("Check the unusual values and confirm them.", cut.Find("[data-testid=change-form-error]").TextContent.Trim());

        await cut.Find("#vital-temperature-confirm").ChangeAsync(true);
        await cut.Find("[data-testid=save-change-form]").ClickAsync();

        var input = Assert.Single(sent);
        Assert.Equal(33.5m, input.Vitals.Temperature);
        Assert.Contains(VitalSign.Temperature, input.ConfirmedUnusual!);
        Assert.Equal(TriageColour.Red, input.ConfirmedColour);
    }

    [Fact]
    public async Task Marking_an_item_changed_shows_its_note_and_suggests_yellow_with_the_item_as_reason()
    {
        var sent = new List<ChangeFormInput>();
        var cut = RenderForm(sent);
        Assert.Empty(cut.FindAll("#note-bowels"));
        Assert.Equal("Green", cut.Find("[data-testid=suggested-colour]").TextContent.Trim());

        await cut.Find("[data-testid=changed-bowels]").ClickAsync();
        await cut.Find("#note-bowels").InputAsync("No stool for four days");

        Assert.Equal("true", cut.Find("[data-testid=changed-bowels]").GetAttribute("aria-pressed"));
        Assert.Equal("Yellow", cut.Find("[data-testid=suggested-colour]").TextContent.Trim());
        Assert.Contains("Changed: Bowels", cut.Find("[data-testid=suggestion-reasons]").TextContent);
        await cut.Find("[data-testid=save-change-form]").ClickAsync();
        var answer = Assert.Single(Assert.Single(sent).Answers, a => a.Changed);
        Assert.Equal(("bowels", "No stool for four days"), (answer.ItemKey, answer.Note));
        Assert.Equal(TriageColour.Yellow, sent[0].ConfirmedColour);
        Assert.Null(sent[0].DeviationReason);
    }

    [Fact]
    public async Task Another_colour_than_suggested_needs_a_reason()
    {
        var sent = new List<ChangeFormInput>();
        var cut = RenderForm(sent);

        await cut.Find("[data-testid=choose-yellow]").ClickAsync();
        await cut.Find("[data-testid=save-change-form]").ClickAsync();
        Assert.Empty(sent);
        Assert.Equal("A colour different from the suggested one needs a reason.", cut.Find("[data-testid=change-form-error]").TextContent.Trim());

        await cut.Find("#deviation-reason").InputAsync("Her daughter is worried about her memory");
        await cut.Find("[data-testid=save-change-form]").ClickAsync();

        var input = Assert.Single(sent);
        Assert.Equal(TriageColour.Yellow, input.ConfirmedColour);
        Assert.Equal("Her daughter is worried about her memory", input.DeviationReason);
    }

    [Fact]
    public async Task A_refusal_from_the_service_is_shown_and_everything_typed_stays()
    {
        var sent = new List<ChangeFormInput>();
        var cut = RenderForm(sent, refuseWith: "The user's organisation is not on the patient's care team.");

        await cut.Find("[data-testid=changed-thirst]").ClickAsync();
        await cut.Find("#note-thirst").InputAsync("Drinks little");
        await cut.Find("#vital-pulse").InputAsync("96");
        await cut.Find("[data-testid=save-change-form]").ClickAsync();

        Assert.Single(sent);
        Assert.Equal("The user's organisation is not on the patient's care team.", cut.Find("[data-testid=change-form-error]").TextContent.Trim());
        Assert.Equal("96", cut.Find("#vital-pulse").GetAttribute("value"));
        Assert.Equal("Drinks little", cut.Find("#note-thirst").GetAttribute("value"));
    }
}
