using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Triage;

/// <summary>
/// What the unit decided for a yellow or red citizen (usually at the triage meeting): the decision, the plan, by when
/// it must have started (yellow: within 48 hours), and what was done since: a follow-up each day, an escalation to the
/// GP, acute help called. It stays open until someone closes it; it is overdue when it has not started by its due time,
/// or when a started plan misses a day's follow-up (docs/triage.md).
/// </summary>
public sealed class TriageActionPlan : AggregateRoot
{
    public const int DecisionMaxLength = 1000;
    public const int PlanMaxLength = 2000;
    public const int NoteMaxLength = 500;
    public const int NameMaxLength = 200;
    public static readonly TimeSpan YellowStartsWithin = TimeSpan.FromHours(48);

    private List<ActionEntry> _entries = [];

    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>The observation the plan answers, if it was made from one.</summary>
    public Guid? ObservationId { get; private set; }

    public TriageColour Colour { get; private set; }
    public string Decision { get; private set; } = "";
    public string Plan { get; private set; } = "";

    /// <summary>When the action must have started.</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The staff member responsible for carrying the plan out, if named.</summary>
    public string? ResponsibleName { get; private set; }

    public string CreatedByUserId { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<ActionEntry> Entries => _entries;

    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedByName { get; private set; }
    public string? ClosingNote { get; private set; }

    public bool IsOpen => ClosedAt is null;

    /// <summary>Started once a follow-up has been marked.</summary>
    public bool IsStarted => _entries.Any(e => e.Kind == ActionEntryKind.FollowedUp);

    public bool IsEscalatedToGp => _entries.Any(e => e.Kind == ActionEntryKind.EscalatedToGp);

    public bool IsAcuteHelpCalled => _entries.Any(e => e.Kind == ActionEntryKind.AcuteHelpCalled);

    public DateOnly? LastFollowedUp => _entries.Where(e => e.Kind == ActionEntryKind.FollowedUp).Select(e => (DateOnly?)e.Day).Max();

    private TriageActionPlan() { }

    /// <summary>
    /// A plan for a yellow or red citizen. Refused: a green colour, no decision or plan text, no due time, a due time in
    /// the past, and for yellow a due time more than 48 hours away.
    /// </summary>
    public static TriageActionPlan Make(Guid patientId, Guid unitId, Guid? observationId, TriageColour colour, string? decision, string? plan,
        DateTimeOffset? dueAt, string? responsibleName, Actor by, DateTimeOffset now)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("An action plan belongs to a citizen.");
        if (unitId == Guid.Empty)
            throw new DomainException("An action plan belongs to a unit.");
        if (colour == TriageColour.Green || !Enum.IsDefined(colour))
            throw new DomainException("An action plan is for a yellow or red citizen.");
        if (dueAt is not { } due)
            throw new DomainException("An action plan needs a due time.");
        if (due < now)
            throw new DomainException("The due time has already passed.");
        if (colour == TriageColour.Yellow && due - now > YellowStartsWithin)
            throw new DomainException("For a yellow citizen the action must start within 48 hours.");
        return new TriageActionPlan
        {
            PatientId = patientId,
            UnitId = unitId,
            ObservationId = observationId,
            Colour = colour,
            Decision = Guard.Required(decision, "Decision", DecisionMaxLength),
            Plan = Guard.Required(plan, "Plan", PlanMaxLength),
            DueAt = due.ToUniversalTime(),
            ResponsibleName = Guard.Optional(responsibleName, "Responsible", NameMaxLength),
            CreatedByUserId = Guard.Required(by.UserId, "Created by", 450),
            CreatedByName = Guard.Required(by.DisplayName, "Created by", NameMaxLength),
            CreatedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>
    /// Overdue at <paramref name="now"/>: open and not started by its due time, or started and last followed up before
    /// yesterday (Copenhagen days: yesterday's follow-up holds until today ends).
    /// </summary>
    public bool IsOverdueAt(DateTimeOffset now)
    {
        if (!IsOpen)
            return false;
        if (LastFollowedUp is not { } last)
            return now > DueAt;
        return last < CopenhagenTime.DateOf(now).AddDays(-1);
    }

    /// <summary>Marks today's follow-up; once per Copenhagen day.</summary>
    public ActionEntry MarkFollowedUp(Actor by, DateTimeOffset at, string? note)
    {
        var day = CopenhagenTime.DateOf(at);
        if (_entries.Any(e => e.Kind == ActionEntryKind.FollowedUp && e.Day == day))
            throw new DomainException("The plan has already been marked followed up today.");
        return Add(ActionEntryKind.FollowedUp, by, at, note);
    }

    /// <summary>Records that the citizen's GP was asked to act, with what was asked and the message thread that asked, if any.</summary>
    public ActionEntry EscalateToGp(Actor by, DateTimeOffset at, string? note, Guid? messageThreadId = null)
    {
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainException("Write what the GP is asked to do.");
        return Add(ActionEntryKind.EscalatedToGp, by, at, note, messageThreadId);
    }

    /// <summary>Records that acute help was called.</summary>
    public ActionEntry RecordAcuteHelpCalled(Actor by, DateTimeOffset at, string? note) => Add(ActionEntryKind.AcuteHelpCalled, by, at, note);

    public void Close(Actor by, DateTimeOffset at, string? note)
    {
        if (!IsOpen)
            throw new DomainException("The action plan is already closed.");
        ClosedAt = at.ToUniversalTime();
        ClosedByName = Guard.Required(by.DisplayName, "Closed by", NameMaxLength);
        ClosingNote = Guard.Optional(note, "Note", NoteMaxLength);
        Touch();
    }

    private ActionEntry Add(ActionEntryKind kind, Actor by, DateTimeOffset at, string? note, Guid? messageThreadId = null)
    {
        if (!IsOpen)
            throw new DomainException("The action plan is closed.");
        var entry = new ActionEntry(Guid.NewGuid(), kind, CopenhagenTime.DateOf(at), at.ToUniversalTime(),
            Guard.Required(by.UserId, "Recorded by", 450), Guard.Required(by.DisplayName, "Recorded by", NameMaxLength),
            Guard.Optional(note, "Note", NoteMaxLength), messageThreadId);
        _entries.Add(entry);
        Touch();
        return entry;
    }
}
