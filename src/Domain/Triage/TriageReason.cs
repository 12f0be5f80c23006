namespace CareWorkspace.Domain.Triage;

/// <summary>
/// One reason for a suggested colour, with what it rests on: a score's total, a parameter and its points, or a changed
/// item. The screen words it in the reader's language.
/// </summary>
public sealed record TriageReason(TriageReasonKind Kind, TriageColour Colour, int? Points = null, VitalSign? Parameter = null, string? ItemKey = null);
