using CareWorkspace.Domain.Measurements;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class HomeMeasurementConfiguration : IEntityTypeConfiguration<HomeMeasurement>
{
    public void Configure(EntityTypeBuilder<HomeMeasurement> builder)
    {
        builder.ToTable("HomeMeasurements");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Code).HasMaxLength(HomeMeasurement.CodeMaxLength).IsRequired();
        builder.Property(m => m.Name).HasMaxLength(HomeMeasurement.NameMaxLength).IsRequired();
        builder.Property(m => m.Value).HasPrecision(12, 4);
        builder.Property(m => m.Unit).HasMaxLength(HomeMeasurement.UnitMaxLength).IsRequired();
        builder.Property(m => m.SourceId).HasMaxLength(HomeMeasurement.SourceIdMaxLength).IsRequired();
        builder.Property(m => m.SourceVersion).HasMaxLength(HomeMeasurement.VersionMaxLength);
        builder.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Cascade);
        // One row per source resource, whatever runs at once.
        builder.HasIndex(m => m.SourceId).IsUnique();
        builder.HasIndex(m => new { m.PatientId, m.MeasuredAt });
    }
}
