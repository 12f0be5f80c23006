using CareWorkspace.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class AccessRecordConfiguration : IEntityTypeConfiguration<AccessRecord>
{
    public void Configure(EntityTypeBuilder<AccessRecord> builder)
    {
        builder.ToTable("AccessRecords");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.UserDisplayName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.OrganisationName).HasMaxLength(200);
        builder.Property(a => a.What).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(500).IsRequired();
        // No foreign keys: the log must outlive the users and patients it mentions.
        // The patient's access log pages by keyset on (At, Id) newest first, and retention deletes by age.
        builder.HasIndex(a => new { a.PatientId, a.At, a.Id });
        // The organisation filter pages the same way within one organisation (benchmarks/AccessLog: 100,000 records).
        builder.HasIndex(a => new { a.PatientId, a.OrganisationId, a.At, a.Id });
        // "Emergency access only" finds the few such records without walking every other record of the period.
        builder.HasIndex(a => new { a.PatientId, a.EmergencyAccess, a.At, a.Id });
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => a.UserId);
    }
}
