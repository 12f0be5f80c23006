using CareWorkspace.Infrastructure.AccessLog.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class AccessRecordDeletionPermitConfiguration : IEntityTypeConfiguration<AccessRecordDeletionPermit>
{
    public void Configure(EntityTypeBuilder<AccessRecordDeletionPermit> builder)
    {
        builder.ToTable("AccessRecordDeletionPermits");
        builder.HasKey(p => p.AccessRecordId);
        builder.Property(p => p.AccessRecordId).ValueGeneratedNever();
    }
}
