namespace CareWorkspace.Domain.Triage;

/// <summary>
/// The citizen's level of consciousness: NEWS2's ACVPU (alert, new confusion, voice, pain, unresponsive) plus TOBS's
/// "agitated" (urolig).
/// </summary>
public enum Consciousness
{
    Alert,
    NewConfusion,
    Agitated,
    Voice,
    Pain,
    Unresponsive,
}
