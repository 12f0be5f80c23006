using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Administration;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class AdministrationRecordConfiguration : IEntityTypeConfiguration<AdministrationRecord>
{
    public void Configure(EntityTypeBuilder<AdministrationRecord> builder)
    {
        builder.ToTable("AdministrationRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasMaxLength(AdministrationRecord.ReasonMaxLength);
        builder.Property(r => r.Initials).HasMaxLength(AdministrationRecord.InitialsMaxLength).IsRequired();
        builder.Property(r => r.RecordedBy).HasMaxLength(AdministrationRecord.NameMaxLength).IsRequired();
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MedicationEntry>().WithMany().HasForeignKey(r => r.MedicationEntryId).OnDelete(DeleteBehavior.NoAction);
        // One record per dose: two devices recording the same dose at once cannot both succeed.
        builder.HasIndex(r => new { r.MedicationEntryId, r.ScheduledAt }).IsUnique();
        builder.HasIndex(r => new { r.PatientId, r.ScheduledAt });
    }
}
