using CareWorkspace.Infrastructure.Triage;

namespace CareWorkspace.Web.Features.TriageBoard;

/// <summary>
/// What a triage board card shows of a citizen at a moment: its data and the texts that move with the clock (a value,
/// compared on every board for every card after a change: nothing is allocated for it).
/// </summary>
internal readonly record struct CardFace(BoardCitizen Citizen, (ElapsedUnit, int)? Since, bool NotObserved, int FlagAfterDays)
{
    public static CardFace Of(BoardCitizen citizen, DateTimeOffset now, int flagAfterDays) =>
        new(citizen, citizen.Latest is { } latest ? BoardLabels.SinceStep(latest.RecordedAt, now) : null,
            BoardFlags.NotObservedTooLong(citizen, now, flagAfterDays), flagAfterDays);

    public bool ShowsTheSameAs(CardFace other) =>
        Citizen.ShowsTheSameAs(other.Citizen) && Citizen.IsOverdue == other.Citizen.IsOverdue
        && Since == other.Since && NotObserved == other.NotObserved && FlagAfterDays == other.FlagAfterDays;
}
