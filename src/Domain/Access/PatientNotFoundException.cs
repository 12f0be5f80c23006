namespace CareWorkspace.Domain.Access;

public sealed class PatientNotFoundException(Guid patientId) : Exception($"No patient has the id {patientId}.")
{
    public Guid PatientId { get; } = patientId;
}
