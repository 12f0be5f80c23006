using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Domain.Conferences;

/// <summary>
/// The shared minutes of a discharge conference (one per conference appointment). Each participant writes their own
/// entry; finishing the conference locks every entry and records who attended.
/// </summary>
/// <remarks>
/// Why entries per author rather than one shared text: two people saving at the same time then change different
/// entries, so re-applying one save on top of the other (after the aggregate's concurrency token refused it) keeps both.
/// Nothing is merged and nothing can be lost; the only refusal left is the same author's own stale second window.
/// </remarks>
public sealed class ConferenceMinutes : AggregateRoot
{
    public const int MaxAttendees = 30;
    public const int AttendeeNameMaxLength = 200;

    private readonly List<MinutesEntry> _entries = [];
    private readonly List<ConferenceAttendee> _attendees = [];

    /// <summary>The conference appointment these minutes belong to (the same id: one set of minutes per conference).</summary>
    public Guid AppointmentId => Id;

    public Guid PatientId { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? FinishedByName { get; private set; }

    public IReadOnlyList<MinutesEntry> Entries => _entries;
    public IReadOnlyList<ConferenceAttendee> Attendees => _attendees;

    public bool IsFinished => FinishedAt is not null;

    private ConferenceMinutes() { }

    public ConferenceMinutes(Guid appointmentId, Guid patientId)
    {
        if (appointmentId == Guid.Empty || patientId == Guid.Empty)
            throw new DomainException("Conference minutes belong to a conference appointment and its patient.");
        Id = appointmentId;
        PatientId = patientId;
    }

    public MinutesEntry? EntryOf(string userId) => _entries.Find(e => e.AuthorUserId == userId);

    /// <summary>
    /// Saves the author's own entry. <paramref name="basedOnVersion"/> is the version the author started from (null for
    /// a first entry); if their entry has moved on since (their other window), the edit is refused with the stored text.
    /// </summary>
    public MinutesEntry Write(Actor author, Sector? sector, string text, Guid? basedOnVersion, DateTimeOffset at)
    {
        if (IsFinished)
            throw new DomainException("The minutes were finished by {0} at {1} and can no longer be changed.", FinishedByName, FinishedAt);
        if (!author.IsHealthProfessional)
            throw new DomainException("Only the health professionals at the conference write its minutes.");
        var entry = EntryOf(author.UserId);
        if (entry is null)
        {
            if (basedOnVersion is not null)
                throw new StaleEditException("Your part of the minutes", author.DisplayName, DateTimeOffset.MinValue, new Dictionary<string, string?>());
            entry = new MinutesEntry(author.UserId, author.DisplayName, author.OrganisationName, sector, text, at);
            _entries.Add(entry);
            return entry;
        }
        if (basedOnVersion != entry.Version)
            throw new StaleEditException("Your part of the minutes", entry.AuthorName, entry.ChangedAt,
                new Dictionary<string, string?> { ["Minutes"] = entry.Text });
        entry.Write(text, at);
        return entry;
    }

    /// <summary>Locks the minutes and records who attended (chosen from the participants by the person finishing).</summary>
    public void Finish(Actor by, IReadOnlyCollection<ConferenceAttendee> attendees, DateTimeOffset at)
    {
        if (IsFinished)
            throw new DomainException("The minutes were finished by {0} at {1} and can no longer be changed.", FinishedByName, FinishedAt);
        if (!by.IsHealthProfessional)
            throw new DomainException("Only the health professionals at the conference can finish it.");
        if (attendees.Count == 0)
            throw new DomainException("Choose who attended the conference.");
        if (attendees.Count > MaxAttendees)
            throw new DomainException("A conference can record at most {0} attendees.", MaxAttendees);
        if (_entries.All(e => e.Text.Length == 0))
            throw new DomainException("Write the minutes before finishing the conference.");
        _attendees.Clear();
        foreach (var attendee in attendees.DistinctBy(a => (a.Name, a.RepresentedAs)))
            _attendees.Add(new ConferenceAttendee(
                Guard.Required(attendee.Name, "Attendee", AttendeeNameMaxLength),
                Guard.Optional(attendee.RepresentedAs, "Attendee", AttendeeNameMaxLength)));
        FinishedAt = at;
        FinishedByName = by.DisplayName;
    }
}
