namespace CareWorkspace.Web.Features;

/// <summary>
/// Marks a service whose public methods touch patient data. Every such method asks the
/// PatientAccessGuard and writes an access record; a test walks all of them to prove it.
/// </summary>
public interface IPatientDataService;
