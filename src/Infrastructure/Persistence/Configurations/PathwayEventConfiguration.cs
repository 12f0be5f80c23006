using CareWorkspace.Domain.Pathway;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class PathwayEventConfiguration : IEntityTypeConfiguration<PathwayEvent>
{
    public void Configure(EntityTypeBuilder<PathwayEvent> builder)
    {
        builder.ToTable("PathwayEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.SourceOrganisationName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Title).HasMaxLength(PathwayEvent.TitleMaxLength).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(PathwayEvent.DetailMaxLength);
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.PatientId, e.At });
    }
}
