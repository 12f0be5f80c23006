using CareWorkspace.Domain.Triage;

namespace CareWorkspace.UnitTests.Triage;

/// <summary>The colour rules of docs/triage.md, each on both sides of its threshold.</summary>
public sealed class TriageSuggestionTests
{
    private static readonly ItemAnswer BowelsChanged = new("bowels", true, "No stool for four days");
    private static readonly ItemAnswer MoodAsUsual = new("mood", false);

    [Fact]
    public void NothingChanged_NothingMeasured_IsGreen_AsUsual()
    {
        var suggestion = TriageSuggestion.Of([MoodAsUsual], VitalSigns.None);

        Assert.Equal(TriageColour.Green, suggestion.Colour);
        Assert.Equal(TriageReasonKind.AsUsual, Assert.Single(suggestion.Reasons).Kind);
        Assert.Null(suggestion.News2);
        Assert.Null(suggestion.Tobs);
    }

    [Fact]
    public void NormalVitals_NoChange_IsGreen()
    {
        var suggestion = TriageSuggestion.Of([], Normal());

        Assert.Equal(TriageColour.Green, suggestion.Colour);
        Assert.Equal(0, suggestion.News2!.Total);
        Assert.Equal(0, suggestion.Tobs!.Total);
    }

    [Fact]
    public void AChangedItem_IsYellow_WithTheItemAsReason()
    {
        var suggestion = TriageSuggestion.Of([BowelsChanged, MoodAsUsual], Normal());

        Assert.Equal(TriageColour.Yellow, suggestion.Colour);
        var reason = Assert.Single(suggestion.Reasons);
        Assert.Equal(TriageReasonKind.ItemChanged, reason.Kind);
        Assert.Equal("bowels", reason.ItemKey);
    }

    [Fact]
    public void News2Of4_IsYellow_AndOf5_IsRed()
    {
        // Saturation 94 (1) + pulse 95 (1) + temperature 38.5 (1) + systolic 105 (1); TOBS stays at 2 (pulse and temperature).
        var four = TriageSuggestion.Of([], Normal() with { OxygenSaturation = 94, Pulse = 95, Temperature = 38.5m, SystolicBloodPressure = 105 });
        var five = TriageSuggestion.Of([], Normal() with { OxygenSaturation = 94, Pulse = 95, Temperature = 38.5m, SystolicBloodPressure = 100 });

        Assert.Equal(4, four.News2!.Total);
        Assert.Equal(TriageColour.Yellow, four.Colour);
        Assert.Contains(four.Reasons, r => r.Kind == TriageReasonKind.News2Low && r.Points == 4);
        Assert.Equal(5, five.News2!.Total);
        Assert.Equal(TriageColour.Red, five.Colour);
        Assert.Contains(five.Reasons, r => r.Kind == TriageReasonKind.News2High && r.Points == 5);
    }

    [Fact]
    public void News2Of1_IsYellow()
    {
        var suggestion = TriageSuggestion.Of([], Normal() with { OxygenSaturation = 95 });

        Assert.Equal(1, suggestion.News2!.Total);
        Assert.Equal(TriageColour.Yellow, suggestion.Colour);
    }

    [Fact]
    public void ASingleNews2ParameterOf3_IsRed_EvenWithALowTotal()
    {
        var suggestion = TriageSuggestion.Of([], Normal() with { Consciousness = Consciousness.NewConfusion });

        Assert.Equal(TriageColour.Red, suggestion.Colour);
        Assert.Contains(suggestion.Reasons, r => r is { Kind: TriageReasonKind.News2SingleParameter, Parameter: VitalSign.Consciousness, Points: 3 });
    }

    [Fact]
    public void TobsOf1_IsGreen_Of2_IsYellow()
    {
        // A systolic pressure of 95 scores TOBS 1 and NEWS2 2, so only TOBS is measured here: temperature 38.0 scores TOBS 1, NEWS2 0.
        var one = TriageSuggestion.Of([], new VitalSigns(Temperature: 38.0m));
        var two = TriageSuggestion.Of([], new VitalSigns(Temperature: 39.0m, Consciousness: Consciousness.Alert));

        Assert.Equal(1, one.Tobs!.Total);
        Assert.Equal(0, one.News2!.Total);
        Assert.Equal(TriageColour.Green, one.Colour);
        Assert.Equal(2, two.Tobs!.Total);
        Assert.Equal(1, two.News2!.Total);
        Assert.Equal(TriageColour.Yellow, two.Colour);
        Assert.Contains(two.Reasons, r => r.Kind == TriageReasonKind.TobsRaised && r.Points == 2);
    }

    [Fact]
    public void TobsOf3_IsYellow_Of4_IsRed()
    {
        // Temperature 39.5 (TOBS 2, NEWS2 2) with pulse 95 (TOBS 1, NEWS2 1) or 112 (TOBS 2, NEWS2 2): NEWS2 stays below 5.
        var three = TriageSuggestion.Of([], new VitalSigns(Temperature: 39.5m, Pulse: 95));
        var four = TriageSuggestion.Of([], new VitalSigns(Temperature: 39.5m, Pulse: 112));

        Assert.Equal(3, three.Tobs!.Total);
        Assert.Equal(TriageColour.Yellow, three.Colour);
        Assert.Equal(4, four.Tobs!.Total);
        Assert.Equal(TriageColour.Red, four.Colour);
        Assert.Contains(four.Reasons, r => r.Kind == TriageReasonKind.TobsHigh && r.Points == 4);
        Assert.DoesNotContain(four.Reasons, r => r.Kind is TriageReasonKind.News2High or TriageReasonKind.News2SingleParameter);
    }

    [Fact]
    public void ASingleTobsParameterOf3_IsRed()
    {
        // Pulse 130: TOBS 3 (the gap rule), NEWS2 2.
        var suggestion = TriageSuggestion.Of([], new VitalSigns(Pulse: 130));

        Assert.Equal(TriageColour.Red, suggestion.Colour);
        Assert.Contains(suggestion.Reasons, r => r is { Kind: TriageReasonKind.TobsSingleParameter, Parameter: VitalSign.Pulse });
        Assert.DoesNotContain(suggestion.Reasons, r => r.Kind == TriageReasonKind.News2SingleParameter);
    }

    [Fact]
    public void EveryReasonIsListed_MostUrgentFirst()
    {
        var suggestion = TriageSuggestion.Of([BowelsChanged], Normal() with { RespiratoryRate = 26 });

        Assert.Equal(TriageColour.Red, suggestion.Colour);
        Assert.Equal(TriageColour.Red, suggestion.Reasons[0].Colour);
        Assert.Contains(suggestion.Reasons, r => r.Kind == TriageReasonKind.ItemChanged);
        Assert.Equal(suggestion.Reasons.OrderByDescending(r => r.Colour).Select(r => r.Colour), suggestion.Reasons.Select(r => r.Colour));
    }

    private static VitalSigns Normal() =>
        new(Pulse: 72, RespiratoryRate: 14, SystolicBloodPressure: 130, Temperature: 36.8m, OxygenSaturation: 97, Consciousness: Consciousness.Alert);
}
