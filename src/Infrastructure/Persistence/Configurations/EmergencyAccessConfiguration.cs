using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class EmergencyAccessConfiguration : IEntityTypeConfiguration<EmergencyAccess>
{
    public void Configure(EntityTypeBuilder<EmergencyAccess> builder)
    {
        builder.ToTable("EmergencyAccesses");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Cascade);
        // The guard reads the emergency accesses of a patient that have not ended, with every relationship.
        builder.HasIndex(e => new { e.PatientId, e.EndsAt });
        // The summary job looks for ended emergency accesses not yet summarised, across patients.
        builder.HasIndex(e => new { e.SummarisedAt, e.EndsAt });
        builder.Property(e => e.ClinicianUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ClinicianName).HasMaxLength(EmergencyAccess.NameMaxLength).IsRequired();
        builder.Property(e => e.OrganisationName).HasMaxLength(EmergencyAccess.NameMaxLength);
        builder.Property(e => e.Reason).HasMaxLength(EmergencyAccess.ReasonMaxLength).IsRequired();
    }
}
