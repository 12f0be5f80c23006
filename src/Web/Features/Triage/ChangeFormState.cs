using System.Globalization;
using CareWorkspace.Domain.Triage;

namespace CareWorkspace.Web.Features.Triage;

/// <summary>
/// What the worker has typed on the change form, kept as typed (so nothing is lost on an error), and what it means: the
/// vital signs it parses to, the fields that are not numbers, the plausibility check and the suggested colour.
/// </summary>
public sealed class ChangeFormState
{
    public sealed class ItemState
    {
        public bool Changed { get; set; }
        public string? Note { get; set; }
    }

    public ChangeFormState(ChangeFormItems form) =>
        Items = form.Items.ToDictionary(i => i.Key, _ => new ItemState());

    public IReadOnlyDictionary<string, ItemState> Items { get; }

    public string? Pulse { get; set; }
    public string? RespiratoryRate { get; set; }
    public string? SystolicBloodPressure { get; set; }
    public string? Temperature { get; set; }
    public string? OxygenSaturation { get; set; }
    public bool OnOxygen { get; set; }
    public Consciousness? Consciousness { get; set; }
    public SpO2Scale Scale { get; set; } = SpO2Scale.Scale1;

    /// <summary>The unusual values the worker has checked and confirmed.</summary>
    public HashSet<VitalSign> Confirmed { get; } = [];

    /// <summary>The colour the worker chose; null means the suggestion.</summary>
    public TriageColour? ChosenColour { get; set; }

    public string? DeviationReason { get; set; }

    /// <summary>The fields whose text is not a number.</summary>
    public IReadOnlySet<VitalSign> NotNumbers()
    {
        var wrong = new HashSet<VitalSign>();
        if (!TryWhole(Pulse, out _)) wrong.Add(VitalSign.Pulse);
        if (!TryWhole(RespiratoryRate, out _)) wrong.Add(VitalSign.RespiratoryRate);
        if (!TryWhole(SystolicBloodPressure, out _)) wrong.Add(VitalSign.SystolicBloodPressure);
        if (!TryDecimal(Temperature, out _)) wrong.Add(VitalSign.Temperature);
        if (!TryWhole(OxygenSaturation, out _)) wrong.Add(VitalSign.OxygenSaturation);
        return wrong;
    }

    /// <summary>The vital signs as typed; a field that is not a number counts as not measured.</summary>
    public VitalSigns Vitals()
    {
        TryWhole(Pulse, out var pulse);
        TryWhole(RespiratoryRate, out var rate);
        TryWhole(SystolicBloodPressure, out var pressure);
        TryDecimal(Temperature, out var temperature);
        TryWhole(OxygenSaturation, out var saturation);
        return new VitalSigns(pulse, rate, pressure, temperature, saturation, OnOxygen, Consciousness, Scale);
    }

    public IReadOnlyList<ItemAnswer> Answers() =>
        Items.Select(i => new ItemAnswer(i.Key, i.Value.Changed, i.Value.Note)).ToList();

    public VitalSignsCheck Check() => VitalSignsCheck.Of(Vitals());

    public TriageSuggestion Suggestion() => TriageSuggestion.Of(Answers(), Vitals());

    public TriageColour Colour => ChosenColour ?? Suggestion().Colour;

    private static bool TryWhole(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            return false;
        value = parsed;
        return true;
    }

    /// <summary>Accepts a decimal comma as well as a point: Danish keyboards type 38,5.</summary>
    private static bool TryDecimal(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }
        value = parsed;
        return true;
    }
}
