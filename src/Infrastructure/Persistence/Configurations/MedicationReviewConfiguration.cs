using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class MedicationReviewConfiguration : IEntityTypeConfiguration<MedicationReview>
{
    public void Configure(EntityTypeBuilder<MedicationReview> builder)
    {
        builder.ToTable("MedicationReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ReviewedBy).HasMaxLength(MedicationReview.ReviewedByMaxLength).IsRequired();
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PatientId, r.ReviewedAt });
    }
}
