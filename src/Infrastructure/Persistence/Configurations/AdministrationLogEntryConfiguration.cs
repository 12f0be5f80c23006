using CareWorkspace.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class AdministrationLogEntryConfiguration : IEntityTypeConfiguration<AdministrationLogEntry>
{
    public void Configure(EntityTypeBuilder<AdministrationLogEntry> builder)
    {
        builder.ToTable("AdministrationLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.AdministratorId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.AdministratorName).HasMaxLength(CareUser.DisplayNameMaxLength).IsRequired();
        builder.Property(e => e.TargetUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.TargetUserName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Details).HasMaxLength(AdministrationLogEntry.DetailsMaxLength).IsRequired();
        // No foreign keys: the log must outlive the accounts it mentions.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.TargetUserId);
    }
}
