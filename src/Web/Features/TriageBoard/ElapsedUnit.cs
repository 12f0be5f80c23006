namespace CareWorkspace.Web.Features.TriageBoard;

/// <summary>The unit in which the time since a change form is told.</summary>
public enum ElapsedUnit
{
    JustNow,
    Minutes,
    Hours,
    Days,
}
