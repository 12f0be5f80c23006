using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;

namespace CareWorkspace.Infrastructure.Realtime;

/// <summary>
/// A signal that something in a section of a patient's pathway changed. It carries ids only, never patient data:
/// every receiver re-reads the section under its own user's authorisation.
/// </summary>
public sealed record PathwayChange(Guid PatientId, PatientSection Section, Guid? ItemId = null, string? ByUserId = null)
{
    /// <summary>Who the changed item is for; notices to the patient or relatives are only sent when it includes them.</summary>
    public Audience Audience { get; init; } = Audience.Everyone;

    /// <summary>
    /// Who may see the change (<see cref="WhoMaySee"/>), for audience subscribers such as the inbox. Null means not
    /// worked out: every audience subscriber of the section hears it, as they all did before keys existed.
    /// </summary>
    public IReadOnlyList<AudienceKey>? SeenBy { get; init; }

    /// <summary>
    /// What the changed entry is about, when it is about items the patient may block (a timeline event about an
    /// appointment, or the appointments of a series): its notice is not sent to those the entry is kept from.
    /// </summary>
    public BlockedItemKind? AboutItemKind { get; init; }

    /// <summary>The ids of the items the entry is about (see <see cref="AboutItemKind"/>).</summary>
    public IReadOnlyList<Guid>? AboutItemIds { get; init; }

    /// <summary>The app instance that committed the change (set by the notifier).</summary>
    public string Origin { get; init; } = "";

    /// <summary>When the change was committed, Unix milliseconds (for latency measurements).</summary>
    public long CommittedAtUnixMs { get; init; }
}
