using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines.Checks;

namespace CareWorkspace.Domain.Medicines;

/// <summary>
/// One medication on a patient's list. An entry from the Shared Medication Record keeps its source's id and version
/// and changes only when a newer version is imported; a local entry (<see cref="MedicationSource.Local"/>) is for
/// prescribing in CareWorkspace.
/// </summary>
public sealed class MedicationEntry
{
    public const int DrugNameMaxLength = 300;
    public const int ShortTextMaxLength = 100;
    public const int TextMaxLength = 1000;
    public const int SourceIdMaxLength = 200;
    public const int VersionMaxLength = 64;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PatientId { get; private set; }
    public MedicationSource Source { get; private set; }
    public string DrugName { get; private set; } = "";
    public string? Strength { get; private set; }
    public string? Form { get; private set; }
    public string? AtcCode { get; private set; }
    public string? DoseText { get; private set; }
    public bool AsNeeded { get; private set; }
    public string? Route { get; private set; }
    public string? Indication { get; private set; }
    public DateOnly? Start { get; private set; }
    public DateOnly? End { get; private set; }
    public MedicationStatus Status { get; private set; }
    public string? Prescriber { get; private set; }
    public string? Organisation { get; private set; }

    /// <summary>The national record's id ("MedicationStatement/…"), for an imported entry.</summary>
    public string? SourceId { get; private set; }
    public string? SourceVersion { get; private set; }
    public DateTimeOffset? SourceUpdatedAt { get; private set; }

    /// <summary>When this version was fetched from the national record.</summary>
    public DateTimeOffset? FetchedAt { get; private set; }

    /// <summary>The structured daily dose of a local prescription (the dose text says how it is taken), for the dose check.</summary>
    public decimal? DailyDoseAmount { get; private set; }

    /// <summary>The UCUM unit of <see cref="DailyDoseAmount"/>, e.g. mg.</summary>
    public string? DailyDoseUnit { get; private set; }

    /// <summary>Optimistic concurrency token of a local entry: changes on every save, so a stale stop or pause is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public string? ChangedBy { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }

    private readonly List<MedicationAlertOverride> _overrides = [];

    /// <summary>The alerts the prescriber overrode when prescribing this entry or changing its dose, with their reason.</summary>
    public IReadOnlyList<MedicationAlertOverride> Overrides => _overrides;

    private readonly List<MedicationDoseChange> _doseChanges = [];

    /// <summary>Every change of the dose, oldest first: before and after, from when, why, by whom.</summary>
    public IReadOnlyList<MedicationDoseChange> DoseChanges => _doseChanges;

    private MedicationEntry() { }

    /// <summary>
    /// A drug prescribed in CareWorkspace, after the checks: each alert they raised must be overridden with a written reason,
    /// which is kept with the entry (who, when, which rule). The ATC code must be a known substance code, and a structured
    /// daily dose needs a UCUM unit.
    /// </summary>
    public static MedicationEntry Local(Guid patientId, LocalPrescription prescription, IReadOnlyList<MedicationAlert> alerts, string? overrideReason,
        ChangeStamp stamp)
    {
        var reason = Guard.Optional(overrideReason, "Reason for overriding", TextMaxLength);
        if (alerts.Count > 0 && reason is null)
            throw new DomainException("The checks raised {0} alert(s). Write why you prescribe anyway to override them, or change the prescription.", alerts.Count);
        var atc = Medicines.AtcCode.Parse(prescription.AtcCode);
        if (!Medicines.AtcCode.IsSubstance(atc))
            throw new DomainException("'{0}' is an ATC class; a prescription needs the substance's full code (7 characters, e.g. M01AE01).", atc);
        var entry = new MedicationEntry { PatientId = patientId, Source = MedicationSource.Local };
        entry.Set(new MedicationDetails(prescription.DrugName, prescription.Strength, prescription.Form, atc, prescription.DoseText, prescription.AsNeeded,
            prescription.Route, prescription.Indication, prescription.Start, prescription.End, MedicationStatus.Active, prescription.Prescriber ?? stamp.ByName,
            prescription.Organisation));
        (entry.DailyDoseAmount, entry.DailyDoseUnit) = DailyDose(prescription.DailyDoseAmount, prescription.DailyDoseUnit);
        foreach (var alert in alerts)
            entry._overrides.Add(new MedicationAlertOverride(alert.Kind, alert.Severity, alert.RuleId, reason!, stamp));
        entry.Record(stamp);
        return entry;
    }

    /// <summary>Pauses a local medication (e.g. during an admission).</summary>
    public void Pause(Guid expectedVersion, ChangeStamp stamp)
    {
        RefuseUnchangeable(expectedVersion);
        if (Status != MedicationStatus.Active)
            throw new DomainException("Only an active medication can be paused.");
        ChangeStatus(stamp, MedicationStatus.Paused, null);
    }

    /// <summary>Resumes a paused local medication.</summary>
    public void Resume(Guid expectedVersion, ChangeStamp stamp)
    {
        RefuseUnchangeable(expectedVersion);
        if (Status != MedicationStatus.Paused)
            throw new DomainException("Only a paused medication can be resumed.");
        ChangeStatus(stamp, MedicationStatus.Active, null);
    }

    /// <summary>Stops a local medication as of <paramref name="today"/>.</summary>
    public void Stop(Guid expectedVersion, DateOnly today, ChangeStamp stamp)
    {
        RefuseUnchangeable(expectedVersion);
        if (Status == MedicationStatus.Stopped)
            throw new DomainException("This medication is already stopped.");
        ChangeStatus(stamp, MedicationStatus.Stopped, Start is { } start && today < start ? start : today);
    }

    /// <summary>
    /// Changes the dose of a current (active or paused) local medication from <see cref="NewDose.From"/>: the old and new dose,
    /// the reason, who and when are kept in <see cref="DoseChanges"/>. The checks ran on the new dose; each alert they raised
    /// must be overridden with a written reason, kept with the entry like a prescription's.
    /// </summary>
    public MedicationDoseChange ChangeDose(Guid expectedVersion, NewDose dose, IReadOnlyList<MedicationAlert> alerts, string? overrideReason, ChangeStamp stamp)
    {
        RefuseUnchangeable(expectedVersion);
        if (Status == MedicationStatus.Stopped)
            throw new DomainException("A stopped medication's dose cannot be changed; prescribe it again instead.");
        var text = Guard.Required(dose.DoseText, "New dose", TextMaxLength);
        var strength = Guard.Optional(dose.Strength, "Strength", ShortTextMaxLength);
        var why = Guard.Required(dose.Reason, "Reason for the dose change", TextMaxLength);
        var daily = DailyDose(dose.DailyDoseAmount, dose.DailyDoseUnit);
        if (Start is { } start && dose.From < start)
            throw new DomainException("The new dose cannot start ({0:yyyy-MM-dd}) before the medication started ({1:yyyy-MM-dd}).", dose.From, start);
        if (End is { } end && dose.From > end)
            throw new DomainException("The new dose cannot start ({0:yyyy-MM-dd}) after the medication ends ({1:yyyy-MM-dd}).", dose.From, end);
        if (_doseChanges.Count > 0 && dose.From < _doseChanges.Max(c => c.From))
            throw new DomainException("The new dose cannot start ({0:yyyy-MM-dd}) before the last dose change ({1:yyyy-MM-dd}).", dose.From, _doseChanges.Max(c => c.From));
        if (text == DoseText && strength == Strength && daily.Item1 == DailyDoseAmount && daily.Item2 == DailyDoseUnit)
            throw new DomainException("The new dose is the same as the current one; change the dose text, the strength or the daily dose.");
        var overrideWhy = Guard.Optional(overrideReason, "Reason for overriding", TextMaxLength);
        if (alerts.Count > 0 && overrideWhy is null)
            throw new DomainException("The checks raised {0} alert(s) for the new dose. Write why you change it anyway to override them, or change the dose.", alerts.Count);
        var change = new MedicationDoseChange(this, text, strength, daily, dose.From, why, stamp);
        _doseChanges.Add(change);
        foreach (var alert in alerts)
            _overrides.Add(new MedicationAlertOverride(alert.Kind, alert.Severity, alert.RuleId, overrideWhy!, stamp));
        DoseText = text;
        Strength = strength;
        (DailyDoseAmount, DailyDoseUnit) = daily;
        Record(stamp);
        return change;
    }

    /// <summary>The day the current dose applies from: the last dose change's, or null when the dose was never changed.</summary>
    public DateOnly? DoseFrom => _doseChanges.Count == 0 ? null : _doseChanges[^1].From;

    private void RefuseUnchangeable(Guid expectedVersion)
    {
        if (Source != MedicationSource.Local)
            throw new DomainException("A medication from the Shared Medication Record is changed there, not here.");
        if (Version != expectedVersion)
            throw new StaleEditException("This medication", ChangedBy ?? Prescriber ?? "", ChangedAt ?? DateTimeOffset.MinValue,
                new Dictionary<string, string?> { ["Status"] = Status.ToString(), ["Dose"] = DoseText, ["Strength"] = Strength });
    }

    private void ChangeStatus(ChangeStamp stamp, MedicationStatus to, DateOnly? end)
    {
        Status = to;
        if (end is not null)
            End = end;
        Record(stamp);
    }

    private void Record(ChangeStamp stamp)
    {
        ChangedBy = Guard.Required(stamp.ByName, "Changed by", DrugNameMaxLength);
        ChangedAt = stamp.At.ToUniversalTime();
        Version = Guid.NewGuid();
    }

    internal static (decimal?, string?) DailyDose(decimal? amount, string? unit)
    {
        if (DoseUnits.Problem(amount, unit) is { } problem)
            throw problem;
        return amount is null ? (null, null) : (amount, unit!.Trim());
    }

    /// <summary>An entry read from the Shared Medication Record.</summary>
    public static MedicationEntry Imported(Guid patientId, MedicationDetails details, string sourceId, string? version,
        DateTimeOffset? sourceUpdatedAt, DateTimeOffset fetchedAt)
    {
        var entry = new MedicationEntry { PatientId = patientId, Source = MedicationSource.NationalRecord };
        entry.Set(details);
        entry.SourceId = Guard.Required(sourceId, "Source id", SourceIdMaxLength);
        entry.Stamp(version, sourceUpdatedAt, fetchedAt);
        return entry;
    }

    /// <summary>A newer version of an imported entry; an older or the same version changes nothing (false).</summary>
    public bool UpdateFromRecord(MedicationDetails details, string? version, DateTimeOffset? sourceUpdatedAt, DateTimeOffset fetchedAt)
    {
        if (Source != MedicationSource.NationalRecord)
            throw new DomainException("Only an entry from the Shared Medication Record is updated from there.");
        if (sourceUpdatedAt is { } updated && SourceUpdatedAt is { } known && updated <= known)
            return false;
        Set(details);
        Stamp(version, sourceUpdatedAt, fetchedAt);
        return true;
    }

    private void Set(MedicationDetails details)
    {
        if (details.Start is { } start && details.End is { } end && end < start)
            throw new DomainException("A medication cannot end ({0:yyyy-MM-dd}) before it starts ({1:yyyy-MM-dd}).", end, start);
        DrugName = Guard.Required(details.DrugName, "Drug name", DrugNameMaxLength);
        Strength = Guard.Optional(details.Strength, "Strength", ShortTextMaxLength);
        Form = Guard.Optional(details.Form, "Form", ShortTextMaxLength);
        AtcCode = Guard.Optional(details.AtcCode, "ATC code", ShortTextMaxLength);
        DoseText = Guard.Optional(details.DoseText, "Dose", TextMaxLength);
        AsNeeded = details.AsNeeded;
        Route = Guard.Optional(details.Route, "Route", ShortTextMaxLength);
        Indication = Guard.Optional(details.Indication, "Indication", TextMaxLength);
        Start = details.Start;
        End = details.End;
        Status = details.Status;
        Prescriber = Guard.Optional(details.Prescriber, "Prescriber", DrugNameMaxLength);
        Organisation = Guard.Optional(details.Organisation, "Organisation", DrugNameMaxLength);
    }

    private void Stamp(string? version, DateTimeOffset? sourceUpdatedAt, DateTimeOffset fetchedAt)
    {
        SourceVersion = Guard.Optional(version, "Version", VersionMaxLength);
        SourceUpdatedAt = sourceUpdatedAt;
        FetchedAt = fetchedAt;
    }
}
