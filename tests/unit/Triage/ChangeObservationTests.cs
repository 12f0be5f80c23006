using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Triage;

namespace CareWorkspace.UnitTests.Triage;

public sealed class ChangeObservationTests
{
    private static readonly Actor Worker = new("cw-1", "Karin Hjemmehjælper", UserRole.MunicipalCareWorker, Guid.NewGuid(), "Hjemmeplejen");
    private static readonly DateTimeOffset At = new(2026, 11, 29, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid PatientId = Guid.NewGuid();

    private static ChangeObservation Record(IEnumerable<ItemAnswer>? answers = null, VitalSigns? vitals = null, VitalSign[]? confirmed = null,
        ChangeObservation? previous = null, TriageColour? colour = null, string? reason = null) =>
        ChangeObservation.Record(PatientId, Worker.OrganisationId!.Value, Worker, At, ChangeFormItems.Defaults, answers ?? [], vitals ?? VitalSigns.None,
            confirmed ?? [], previous, colour, reason);

    [Fact]
    public void Record_KeepsAnswersVitalsScoresAndSuggestion_Unconfirmed()
    {
        var observation = Record([new("bowels", true, "  No stool for four days "), new("mood", false, "ignored")],
            new VitalSigns(Pulse: 95, Temperature: 38.5m));

        Assert.Equal(TriageColour.Yellow, observation.SuggestedColour);
        Assert.Equal(TriageColour.Yellow, observation.Colour);
        Assert.False(observation.IsConfirmed);
        Assert.Equal(2, observation.News2Total);
        Assert.Equal(2, observation.TobsTotal);
        Assert.Equal("No stool for four days", observation.Answers[0].Note);
        Assert.Null(observation.Answers[1].Note);
        Assert.Equal("bowels", Assert.Single(observation.ChangedItems).ItemKey);
        Assert.Equal(95, observation.Vitals.Pulse);
        Assert.Equal(At, observation.RecordedAt);
    }

    [Fact]
    public void Record_ImpossibleValue_IsRefused_WithTheFieldsMessage()
    {
        var refused = Assert.Throws<DomainException>(() => Record(vitals: new VitalSigns(Pulse: 400)));

        Assert.Equal("A pulse of {0} /min is not possible: enter a value from {1} to {2}.", refused.Template);
    }

    [Fact]
    public void Record_UnusualValue_NeedsConfirmation()
    {
        Assert.Throws<DomainException>(() => Record(vitals: new VitalSigns(Temperature: 33.5m)));

        var confirmed = Record(vitals: new VitalSigns(Temperature: 33.5m), confirmed: [VitalSign.Temperature]);
        Assert.Equal(33.5m, confirmed.Temperature);
        Assert.Equal(TriageColour.Red, confirmed.SuggestedColour);
    }

    [Fact]
    public void Record_ItemNotOnTheForm_OrAnsweredTwice_IsRefused()
    {
        Assert.Throws<DomainException>(() => Record([new("knitting", true, "stopped")]));
        Assert.Throws<DomainException>(() => Record([new("mood", true, "low"), new("mood", false)]));
    }

    [Fact]
    public void Record_WithTheSuggestedColour_IsConfirmedWithoutReason()
    {
        var observation = Record([new("thirst", true, "Drinks little")], colour: TriageColour.Yellow);

        Assert.True(observation.IsConfirmed);
        Assert.Equal(TriageColour.Yellow, observation.ConfirmedColour);
        Assert.Null(observation.DeviationReason);
        Assert.Equal(Worker.DisplayName, observation.ConfirmedByName);
    }

    [Fact]
    public void Confirm_AnotherColourThanSuggested_NeedsAReason()
    {
        var observation = Record([new("thirst", true, "Drinks little")]);

        var refused = Assert.Throws<DomainException>(() => observation.Confirm(TriageColour.Green, "  ", Worker, At));
        Assert.Equal("A colour different from the suggested one needs a reason.", refused.Message);
        Assert.False(observation.IsConfirmed);

        observation.Confirm(TriageColour.Red, "Her daughter says she has not been herself since yesterday", Worker, At.AddMinutes(5));
        Assert.Equal(TriageColour.Red, observation.Colour);
        Assert.Equal("Her daughter says she has not been herself since yesterday", observation.DeviationReason);
        Assert.Equal(TriageColour.Yellow, observation.SuggestedColour);
    }

    [Fact]
    public void Confirm_BackToTheSuggestion_DropsTheReason()
    {
        var observation = Record([new("pain", true, "Hip")], colour: TriageColour.Red, reason: "Fell yesterday");

        observation.Confirm(TriageColour.Yellow, "whatever", Worker, At.AddHours(2));

        Assert.Equal(TriageColour.Yellow, observation.Colour);
        Assert.Null(observation.DeviationReason);
    }

    [Fact]
    public void Record_KeepsThePreviousColourAndScores_AsTheTrend()
    {
        var earlier = Record([new("thirst", true, "Drinks little")], new VitalSigns(Pulse: 95));
        var later = ChangeObservation.Record(PatientId, Worker.OrganisationId!.Value, Worker, At.AddDays(1), ChangeFormItems.Defaults, [],
            VitalSigns.None, [], earlier);

        Assert.Equal(TriageColour.Yellow, later.PreviousColour);
        Assert.Equal(1, later.PreviousNews2Total);
        Assert.Equal(1, later.PreviousTobsTotal);
        Assert.Throws<DomainException>(() => ChangeObservation.Record(Guid.NewGuid(), Worker.OrganisationId!.Value, Worker, At.AddDays(1),
            ChangeFormItems.Defaults, [], VitalSigns.None, [], earlier));
    }
}
