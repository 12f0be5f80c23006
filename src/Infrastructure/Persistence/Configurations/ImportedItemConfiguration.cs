using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class ImportedItemConfiguration : IEntityTypeConfiguration<ImportedItem>
{
    public void Configure(EntityTypeBuilder<ImportedItem> builder)
    {
        builder.ToTable("ImportedItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.SourceId).HasMaxLength(ImportedItem.SourceIdMaxLength).IsRequired();
        builder.Property(i => i.Version).HasMaxLength(ImportedItem.VersionMaxLength);
        // The database, not the job, guarantees "imported once", also between concurrent runs.
        builder.HasIndex(i => new { i.Service, i.SourceId }).IsUnique();
        builder.HasOne<Patient>().WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
