using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines;

/// <summary>
/// A clinician went through the patient's medication list and found it right: who and when. Reviews are only added; the
/// section shows the latest.
/// </summary>
public sealed class MedicationReview
{
    public const int ReviewedByMaxLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PatientId { get; private set; }
    public string ReviewedBy { get; private set; } = "";
    public DateTimeOffset ReviewedAt { get; private set; }

    private MedicationReview() { }

    public static MedicationReview Record(Guid patientId, ChangeStamp stamp)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("A medication review belongs to a patient.");
        return new MedicationReview
        {
            PatientId = patientId,
            ReviewedBy = Guard.Required(stamp.ByName, "Changed by", ReviewedByMaxLength),
            ReviewedAt = stamp.At.ToUniversalTime(),
        };
    }
}
