namespace CareWorkspace.Domain.Common;

/// <summary>A date period; an open end means "until further notice".</summary>
public sealed record Period
{
    public DateOnly Start { get; }
    public DateOnly? End { get; }

    public Period(DateOnly start, DateOnly? end = null)
    {
        if (end is { } e && e < start)
            throw new DomainException("The period cannot end ({0:yyyy-MM-dd}) before it starts ({1:yyyy-MM-dd}).", e, start);
        Start = start;
        End = end;
    }

    public bool Covers(DateOnly day) => day >= Start && (End is null || day <= End);
}
