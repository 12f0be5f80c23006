using CareWorkspace.Domain.NationalSync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class ParkedImportConfiguration : IEntityTypeConfiguration<ParkedImport>
{
    public void Configure(EntityTypeBuilder<ParkedImport> builder)
    {
        builder.ToTable("ParkedImports");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.SourceId).HasMaxLength(ImportedItem.SourceIdMaxLength).IsRequired();
        builder.Property(p => p.Reason).HasMaxLength(ParkedImport.ReasonMaxLength).IsRequired();
        builder.Property(p => p.Payload).IsRequired();
        builder.HasIndex(p => new { p.Service, p.SourceId }).IsUnique();
        builder.HasIndex(p => new { p.Service, p.State, p.NextAttemptAt });
    }
}
