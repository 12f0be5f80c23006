using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class PatientRefreshConfiguration : IEntityTypeConfiguration<PatientRefresh>
{
    public void Configure(EntityTypeBuilder<PatientRefresh> builder)
    {
        builder.ToTable("PatientRefreshes");
        // One row per patient and service: the key makes "asked for once" hold between two openings at the same moment.
        builder.HasKey(r => new { r.PatientId, r.Service });
        builder.Property(r => r.LastError).HasMaxLength(PatientRefresh.ErrorMaxLength);
        builder.Property(r => r.Concurrency).IsConcurrencyToken();
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
