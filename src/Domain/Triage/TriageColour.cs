namespace CareWorkspace.Domain.Triage;

/// <summary>
/// The triage colour of a citizen in municipal early detection: green is the citizen's usual state, yellow slight
/// changes (discussed at the daily triage meeting, action started within 48 hours and followed daily), red changes
/// serious enough that admission may become necessary (act now). Ordered by urgency.
/// </summary>
public enum TriageColour
{
    Green,
    Yellow,
    Red,
}
