using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Triage;

/// <summary>
/// One visit's change form for a citizen: the answered items, the vital signs measured, the NEWS2 and TOBS scores, the
/// colour the rules suggested with their reasons, and the colour staff confirmed (a human decision; a colour other
/// than the suggestion carries the reason for deviating). What was observed is a record and is not edited; the
/// confirmed colour may be changed later, e.g. at the triage meeting.
/// </summary>
public sealed class ChangeObservation : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int ReasonMaxLength = 500;

    private List<ItemAnswer> _answers = [];
    private List<TriageReason> _reasons = [];

    public Guid PatientId { get; private set; }

    /// <summary>The unit (organisation) whose worker recorded it, and on whose board it is.</summary>
    public Guid UnitId { get; private set; }

    public string RecordedByUserId { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<ItemAnswer> Answers => _answers;

    public int? Pulse { get; private set; }
    public int? RespiratoryRate { get; private set; }
    public int? SystolicBloodPressure { get; private set; }
    public decimal? Temperature { get; private set; }
    public int? OxygenSaturation { get; private set; }
    public SpO2Scale SpO2Scale { get; private set; } = SpO2Scale.Scale1;
    public bool OnOxygen { get; private set; }
    public Consciousness? Consciousness { get; private set; }

    public int? News2Total { get; private set; }
    public int? TobsTotal { get; private set; }

    /// <summary>The citizen's colour and scores at the unit's observation before this one, if any: the trend.</summary>
    public TriageColour? PreviousColour { get; private set; }
    public int? PreviousNews2Total { get; private set; }
    public int? PreviousTobsTotal { get; private set; }

    public TriageColour SuggestedColour { get; private set; }
    public IReadOnlyList<TriageReason> SuggestedReasons => _reasons;

    public TriageColour? ConfirmedColour { get; private set; }
    public string? ConfirmedByUserId { get; private set; }
    public string? ConfirmedByName { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>Why staff chose a colour other than the suggestion; null when they confirmed the suggestion.</summary>
    public string? DeviationReason { get; private set; }

    /// <summary>The colour that counts: the confirmed one, or the suggestion until someone confirms.</summary>
    public TriageColour Colour => ConfirmedColour ?? SuggestedColour;

    public bool IsConfirmed => ConfirmedColour is not null;

    public VitalSigns Vitals => new(Pulse, RespiratoryRate, SystolicBloodPressure, Temperature, OxygenSaturation, OnOxygen, Consciousness, SpO2Scale);

    public IEnumerable<ItemAnswer> ChangedItems => _answers.Where(a => a.Changed);

    private ChangeObservation() { }

    /// <summary>
    /// Records a visit's change form. Refused: an item not on the unit's form or answered twice, an impossible vital sign,
    /// an unusual one not in <paramref name="confirmedUnusual"/>. <paramref name="previous"/> is the unit's
    /// latest observation of the citizen, kept as the trend. With <paramref name="confirmedColour"/> the colour is
    /// confirmed at once (<see cref="Confirm"/>).
    /// </summary>
    public static ChangeObservation Record(Guid patientId, Guid unitId, Actor by, DateTimeOffset at, ChangeFormItems form,
        IEnumerable<ItemAnswer> answers, VitalSigns vitals, IReadOnlyCollection<VitalSign> confirmedUnusual,
        ChangeObservation? previous = null, TriageColour? confirmedColour = null, string? deviationReason = null)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("A change form belongs to a citizen.");
        if (unitId == Guid.Empty)
            throw new DomainException("A change form is recorded by a unit.");
        if (previous is not null && (previous.PatientId != patientId || previous.RecordedAt > at))
            throw new DomainException("The earlier change form is not this citizen's.");
        var given = answers.ToList();
        if (given.FirstOrDefault(a => !form.Contains(a.ItemKey)) is { } unknown)
            throw new DomainException("The item '{0}' is not on this unit's change form.", unknown.ItemKey);
        if (given.GroupBy(a => a.ItemKey).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException("The item '{0}' is answered twice.", twice.Key);
        var check = VitalSignsCheck.Of(vitals);
        if (check.Refused.FirstOrDefault() is { } impossible)
            throw new DomainException(impossible.Template, impossible.Arguments);
        if (check.Unconfirmed(confirmedUnusual).FirstOrDefault() is { } unusual)
            throw new DomainException(unusual.Template, unusual.Arguments);

        var suggestion = TriageSuggestion.Of(given, vitals);
        var observation = new ChangeObservation
        {
            PatientId = patientId,
            UnitId = unitId,
            RecordedByUserId = Guard.Required(by.UserId, "Recorded by", 450),
            RecordedByName = Guard.Required(by.DisplayName, "Recorded by", NameMaxLength),
            RecordedAt = at.ToUniversalTime(),
            _answers = given,
            Pulse = vitals.Pulse,
            RespiratoryRate = vitals.RespiratoryRate,
            SystolicBloodPressure = vitals.SystolicBloodPressure,
            Temperature = vitals.Temperature,
            OxygenSaturation = vitals.OxygenSaturation,
            SpO2Scale = vitals.Scale,
            OnOxygen = vitals.OnOxygen,
            Consciousness = vitals.Consciousness,
            News2Total = suggestion.News2?.Total,
            TobsTotal = suggestion.Tobs?.Total,
            PreviousColour = previous?.Colour,
            PreviousNews2Total = previous?.News2Total,
            PreviousTobsTotal = previous?.TobsTotal,
            SuggestedColour = suggestion.Colour,
            _reasons = [.. suggestion.Reasons],
        };
        if (confirmedColour is { } colour)
            observation.Confirm(colour, deviationReason, by, at);
        return observation;
    }

    /// <summary>The suggestion with its scores, worked out again from what was observed.</summary>
    public TriageSuggestion Suggestion() => TriageSuggestion.Of(_answers, Vitals);

    /// <summary>
    /// Staff's colour for the citizen after this visit. Choosing a colour other than the suggestion needs a reason,
    /// since the rules saw something else.
    /// </summary>
    public void Confirm(TriageColour colour, string? reason, Actor by, DateTimeOffset at)
    {
        if (!Enum.IsDefined(colour))
            throw new DomainException("Choose green, yellow or red.");
        var why = Guard.Optional(reason, "Reason", ReasonMaxLength);
        if (colour != SuggestedColour && why is null)
            throw new DomainException("A colour different from the suggested one needs a reason.");
        ConfirmedColour = colour;
        DeviationReason = colour == SuggestedColour ? null : why;
        ConfirmedByUserId = Guard.Required(by.UserId, "Confirmed by", 450);
        ConfirmedByName = Guard.Required(by.DisplayName, "Confirmed by", NameMaxLength);
        ConfirmedAt = at.ToUniversalTime();
        Touch();
    }
}
