using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Administration;

/// <summary>
/// What staff recorded for one scheduled dose: given, not given (with a reason) or refused, when, and their initials.
/// One record per dose (medication and scheduled instant); a record is not changed afterwards.
/// </summary>
public sealed class AdministrationRecord
{
    public const int ReasonMaxLength = 500;
    public const int InitialsMaxLength = 5;
    public const int NameMaxLength = 300;

    /// <summary>How far a recorded time may lie ahead of the clock (two devices' clocks differ a little).</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(1);

    /// <summary>How long before its scheduled time a dose may be recorded as handled.</summary>
    public static readonly TimeSpan EarliestBefore = TimeSpan.FromHours(2);

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PatientId { get; private set; }
    public Guid MedicationEntryId { get; private set; }
    public DateTimeOffset ScheduledAt { get; private set; }
    public AdministrationOutcome Outcome { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>When the dose was given, refused or found not possible to give.</summary>
    public DateTimeOffset OccurredAt { get; private set; }
    public string Initials { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid? OrganisationId { get; private set; }

    private AdministrationRecord() { }

    /// <summary>A dose is recorded once: a second record for it is refused, naming the first.</summary>
    public static void RefuseIfRecorded(AdministrationRecord? existing)
    {
        if (existing is not null)
            throw new DomainException("This dose was already recorded ({0}) by {1} at {2:HH:mm}. Nothing was changed.",
                existing.Outcome.ToString(), existing.RecordedBy, CopenhagenTime.ToCopenhagen(existing.OccurredAt));
    }

    /// <summary>
    /// Records a dose. Refused: the time is in the future, more than <see cref="EarliestBefore"/> before the dose's time,
    /// "not given" without a reason, or no initials.
    /// </summary>
    public static AdministrationRecord Record(Guid patientId, ScheduledDose dose, AdministrationOutcome outcome, DateTimeOffset occurredAt,
        string? initials, string? reason, Guid? organisationId, ChangeStamp stamp)
    {
        if (!Enum.IsDefined(outcome))
            throw new DomainException("Choose given, not given or refused.");
        if (occurredAt > stamp.At + ClockTolerance)
            throw new DomainException("The time {0:HH:mm} is in the future. Record a dose when it has been given.", CopenhagenTime.ToCopenhagen(occurredAt));
        if (occurredAt < dose.At - EarliestBefore)
            throw new DomainException("The time {0:HH:mm} is more than two hours before the dose is due ({1:HH:mm}).",
                CopenhagenTime.ToCopenhagen(occurredAt), CopenhagenTime.ToCopenhagen(dose.At));
        var why = Guard.Optional(reason, "Reason", ReasonMaxLength);
        if (outcome == AdministrationOutcome.NotGiven && why is null)
            throw new DomainException("Write why the dose was not given.");
        var letters = Guard.Required(initials, "Initials", InitialsMaxLength);
        if (!letters.All(char.IsLetter))
            throw new DomainException("Initials are letters only (e.g. KB).");
        return new AdministrationRecord
        {
            PatientId = patientId,
            MedicationEntryId = dose.MedicationEntryId,
            ScheduledAt = dose.At.ToUniversalTime(),
            Outcome = outcome,
            Reason = why,
            OccurredAt = occurredAt.ToUniversalTime(),
            Initials = letters.ToUpperInvariant(),
            RecordedBy = Guard.Required(stamp.ByName, "Recorded by", NameMaxLength),
            RecordedAt = stamp.At.ToUniversalTime(),
            OrganisationId = organisationId,
        };
    }
}
