namespace CareWorkspace.Web.Features.Pathway;

/// <summary>Sent to a hub client whose access to the patient has ended; it receives no more notices for that patient.</summary>
public sealed record PathwayAccessEndedNotice(Guid PatientId, string Reason);
