using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.NationalSync;

/// <summary>
/// An item from a national service that was not imported, kept with its payload for inspection: rejected at once when
/// it is invalid (it will not become valid by trying again), or failed on import and tried again with a growing delay
/// until <see cref="MaxAttempts"/>, then parked.
/// </summary>
public sealed class ParkedImport
{
    public const int ReasonMaxLength = 1000;
    public const int MaxAttempts = 5;
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);

    public Guid Id { get; private set; } = Guid.NewGuid();
    public NationalService Service { get; private set; }
    public string SourceId { get; private set; } = "";
    public ParkedImportState State { get; private set; }
    public string Reason { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public int Attempts { get; private set; }
    public DateTimeOffset FirstFailedAt { get; private set; }
    public DateTimeOffset LastFailedAt { get; private set; }

    /// <summary>When a retrying item is next tried (null when rejected or parked).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    private ParkedImport() { }

    public static ParkedImport Rejected(NationalService service, string sourceId, string reason, string payload, DateTimeOffset at) =>
        new()
        {
            Service = service,
            SourceId = Common.Guard.Required(sourceId, "Source id", ImportedItem.SourceIdMaxLength),
            State = ParkedImportState.Rejected,
            Reason = Cut(reason),
            Payload = payload,
            Attempts = 1,
            FirstFailedAt = at,
            LastFailedAt = at,
        };

    public static ParkedImport Failed(NationalService service, string sourceId, string reason, string payload, DateTimeOffset at)
    {
        var item = new ParkedImport
        {
            Service = service,
            SourceId = Common.Guard.Required(sourceId, "Source id", ImportedItem.SourceIdMaxLength),
            Payload = payload,
            FirstFailedAt = at,
        };
        item.FailedAgain(reason, at);
        return item;
    }

    /// <summary>Another failed attempt: tried again after 1, 2, 4, 8 … minutes, parked after <see cref="MaxAttempts"/>.</summary>
    public void FailedAgain(string reason, DateTimeOffset at)
    {
        Attempts++;
        Reason = Cut(reason);
        LastFailedAt = at;
        if (Attempts >= MaxAttempts)
        {
            State = ParkedImportState.Parked;
            NextAttemptAt = null;
        }
        else
        {
            State = ParkedImportState.Retrying;
            NextAttemptAt = at + FirstRetryDelay * Math.Pow(2, Attempts - 1);
        }
    }

    /// <summary>
    /// An operator asks for one more attempt of a parked item (after the national service or our data was put right):
    /// it is tried on the service's next sync and parked again if that attempt fails too.
    /// </summary>
    public void TryAgain(DateTimeOffset now)
    {
        if (State != ParkedImportState.Parked)
            throw new DomainException(State == ParkedImportState.Rejected
                ? "This item was refused as invalid when it was received: trying it again would refuse it again."
                : "This item is already waiting to be tried again.");
        State = ParkedImportState.Retrying;
        Attempts = MaxAttempts - 1;
        NextAttemptAt = now;
    }

    public bool IsDue(DateTimeOffset now) => State == ParkedImportState.Retrying && NextAttemptAt <= now;

    private static string Cut(string reason) =>
        reason.Length <= ReasonMaxLength ? reason : reason[..(ReasonMaxLength - 1)] + "\u2026";
}
