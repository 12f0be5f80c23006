namespace CareWorkspace.Domain.Rehabilitation;

/// <summary>How a training session went, as the patient or a relative reports it.</summary>
public enum SessionOutcome
{
    Done,
    Partly,
    NotDone,
}
